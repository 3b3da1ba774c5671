package io.github.dingtalkrobot.test;

import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import io.github.dingtalkrobot.DingTalkRobot;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An emulator on a given clock for each test, with robots that send to it on the same
 * clock and are closed before the emulator stops.
 */
final class RobotsUnderTest extends DingTalkEmulatorExtension {

	private final Clock clock;

	private final List<DingTalkRobot> robots = new ArrayList<>();

	RobotsUnderTest(Clock clock) {
		super(DingTalkEmulator.builder().clock(clock));
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
	public void afterEach(ExtensionContext context) {
		this.robots.forEach(DingTalkRobot::close);
		this.robots.clear();
		super.afterEach(context);
	}

}
