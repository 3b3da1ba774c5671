package io.github.dingtalkrobot.internal.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A running emulator on a given clock for each test, with robots that send to it on the
 * same clock and are closed before the emulator stops.
 */
final class RobotsUnderTest implements AfterEachCallback {

	private final Clock clock;

	private final DingTalkEmulator emulator;

	private final List<DingTalkRobot> robots = new ArrayList<>();

	RobotsUnderTest(Clock clock) {
		this.clock = clock;
		this.emulator = DingTalkEmulator.builder().clock(clock).build().start();
	}

	DingTalkEmulator emulator() {
		return this.emulator;
	}

	EmulatedRobot registerRobot(String name, String accessToken) {
		return this.emulator.registerRobot(name, accessToken);
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
		this.emulator.close();
	}

}
