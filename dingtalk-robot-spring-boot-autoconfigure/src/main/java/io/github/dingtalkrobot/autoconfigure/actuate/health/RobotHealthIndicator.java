package io.github.dingtalkrobot.autoconfigure.actuate.health;

import java.time.Instant;

import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.RobotState;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health of one robot, from what it last did: down while DingTalk throttles it, or
 * when it gave up on a message and delivered none since; up otherwise.
 */
class RobotHealthIndicator implements HealthIndicator {

	private final DingTalkRobot robot;

	RobotHealthIndicator(DingTalkRobot robot) {
		this.robot = robot;
	}

	@Override
	public Health health() {
		RobotState state = this.robot.state();
		Health.Builder health = Health.up();
		if (state.pausedUntil() != null) {
			health.down()
				.withDetail("reason", "DingTalk throttled the robot; it sends nothing until the pause ends")
				.withDetail("pausedUntil", state.pausedUntil());
		}
		else if (failedSinceLastSuccess(state)) {
			health.down().withDetail("reason", "The robot gave up on its last message");
		}
		if (state.lastFailure() != null) {
			health.withDetail("lastFailure", state.lastFailure());
			if (state.lastFailureErrcode() != null) {
				health.withDetail("lastFailureErrcode", state.lastFailureErrcode());
			}
		}
		if (state.lastSuccess() != null) {
			health.withDetail("lastSuccess", state.lastSuccess());
		}
		return health.withDetail("queueDepth", state.queueDepth()).build();
	}

	private static boolean failedSinceLastSuccess(RobotState state) {
		Instant lastFailure = state.lastFailure();
		Instant lastSuccess = state.lastSuccess();
		return lastFailure != null && (lastSuccess == null || lastFailure.isAfter(lastSuccess));
	}

}
