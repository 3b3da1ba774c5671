package io.github.dingtalkrobot.test;

import java.util.List;

import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.emulator.RecordedRequest;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/**
 * AssertJ assertions on what a {@link DingTalkEmulator} received.
 *
 * @see DingTalkEmulatorAssertions#assertThat(DingTalkEmulator)
 */
public class DingTalkEmulatorAssert extends AbstractAssert<DingTalkEmulatorAssert, DingTalkEmulator> {

	DingTalkEmulatorAssert(DingTalkEmulator actual) {
		super(actual, DingTalkEmulatorAssert.class);
	}

	/**
	 * Continue with assertions on one robot.
	 * @param name the robot's name
	 * @return assertions on the robot
	 */
	public EmulatedRobotAssert robot(String name) {
		isNotNull();
		return new EmulatedRobotAssert(this.actual.robot(name));
	}

	/**
	 * Continue with assertions on every request the emulator received, in arrival order.
	 * @return assertions on the requests
	 */
	public ListAssert<RecordedRequest> requests() {
		isNotNull();
		return Assertions.assertThat(this.actual.requests()).as("requests received by the DingTalk emulator");
	}

	/**
	 * Verify that no request to any robot exceeded the rate limit.
	 * @return this assertion
	 */
	public DingTalkEmulatorAssert hasNoRateViolations() {
		isNotNull();
		for (EmulatedRobot robot : this.actual.robots()) {
			if (robot.rateViolations() > 0) {
				failWithMessage("Expected the DingTalk emulator to have seen no rate violation but robot '%s' "
						+ "refused %d requests", robot.name(), robot.rateViolations());
			}
		}
		return this;
	}

	/**
	 * Verify that every request carried the access token of a registered robot.
	 * @return this assertion
	 */
	public DingTalkEmulatorAssert hasNoUnknownTokenRequests() {
		isNotNull();
		List<RecordedRequest> unknown = this.actual.requests()
			.stream()
			.filter((request) -> request.robotName() == null)
			.toList();
		if (!unknown.isEmpty()) {
			failWithMessage("Expected the DingTalk emulator to have received no request with an unknown access "
					+ "token but it received %d", unknown.size());
		}
		return this;
	}

}
