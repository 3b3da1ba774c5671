package io.github.dingtalkrobot.autoconfigure.actuate.health;

import java.time.Instant;

import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.RobotState;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The health of one robot, from what it last did: {@link #THROTTLED} while DingTalk
 * throttles it, {@link #UNREACHABLE} or {@link #REFUSED} when DingTalk could not be
 * reached for, or refused, its last message and it delivered none since; up otherwise.
 * Refusals on the caller's side (an invalid or too large message, a full queue, the
 * robot's own rate limit) never change it.
 * <p>
 * None of these statuses is in Spring Boot's default
 * {@code management.endpoint.health.status.order}, so none of them changes the
 * application's aggregate health or its HTTP status unless the application lists it there
 * (and in {@code management.endpoint.health.status.http-mapping}).
 */
class RobotHealthIndicator implements HealthIndicator {

	/**
	 * DingTalk throttled the robot, which sends nothing until its pause ends.
	 */
	static final Status THROTTLED = new Status("THROTTLED");

	/**
	 * The robot could not reach DingTalk with its last message.
	 */
	static final Status UNREACHABLE = new Status("UNREACHABLE");

	/**
	 * DingTalk refused the robot's last message with an {@code errcode}.
	 */
	static final Status REFUSED = new Status("REFUSED");

	private final DingTalkRobot robot;

	RobotHealthIndicator(DingTalkRobot robot) {
		this.robot = robot;
	}

	@Override
	public Health health() {
		RobotState state = this.robot.state();
		Health.Builder health = Health.up();
		if (state.pausedUntil() != null) {
			health.status(THROTTLED)
				.withDetail("reason", "DingTalk throttled the robot; it sends nothing until the pause ends")
				.withDetail("pausedUntil", state.pausedUntil());
		}
		else if (failedSinceLastSuccess(state)) {
			if (state.lastFailureErrcode() != null) {
				health.status(REFUSED).withDetail("reason", "DingTalk refused the robot's last message");
			}
			else {
				health.status(UNREACHABLE)
					.withDetail("reason", "The robot could not reach DingTalk with its last message");
			}
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
