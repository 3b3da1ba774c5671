package io.github.dingtalkrobot.test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import io.github.dingtalkrobot.DingTalkRobot;

/**
 * Builds robots that send to emulated robots, with the emulator's clock, and closes them
 * when a test is done.
 */
final class RobotsUnderTest implements AutoCloseable {

	private final Clock clock;

	private final List<DingTalkRobot> robots = new ArrayList<>();

	RobotsUnderTest(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Build a robot for an emulated robot, with its secret and keywords.
	 * @param emulated the emulated robot
	 * @param settings further settings of the robot
	 * @return the robot
	 */
	DingTalkRobot robotFor(EmulatedRobot emulated, UnaryOperator<DingTalkRobot.Builder> settings) {
		DingTalkRobot robot = settings
			.apply(DingTalkRobot.builder(emulated.name())
				.webhook(emulated.webhook())
				.secret(emulated.secret())
				.keywords(emulated.keywords())
				.clock(this.clock))
			.build();
		this.robots.add(robot);
		return robot;
	}

	@Override
	public void close() {
		this.robots.forEach(DingTalkRobot::close);
	}

}
