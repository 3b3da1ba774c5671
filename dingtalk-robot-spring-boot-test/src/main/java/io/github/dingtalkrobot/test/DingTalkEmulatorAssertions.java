package io.github.dingtalkrobot.test;

import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;

/**
 * Entry point for AssertJ assertions on a {@link DingTalkEmulator} and its robots:
 * <pre class="code">
 * assertThat(emulator.robot("ops")).receivedMessages().hasSize(2);
 * assertThat(emulator.robot("ops")).receivedText("disk full").mentioned("13800000000").hasNoRateViolations();
 * </pre>
 */
public final class DingTalkEmulatorAssertions {

	private DingTalkEmulatorAssertions() {
	}

	/**
	 * Create assertions on a robot.
	 * @param robot the robot
	 * @return the assertions
	 */
	public static EmulatedRobotAssert assertThat(EmulatedRobot robot) {
		return new EmulatedRobotAssert(robot);
	}

	/**
	 * Create assertions on an emulator.
	 * @param emulator the emulator
	 * @return the assertions
	 */
	public static DingTalkEmulatorAssert assertThat(DingTalkEmulator emulator) {
		return new DingTalkEmulatorAssert(emulator);
	}

}
