package io.github.dingtalkrobot.test;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.emulator.RecordedRequest;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/**
 * AssertJ assertions on what an {@link EmulatedRobot} received.
 *
 * @see DingTalkEmulatorAssertions#assertThat(EmulatedRobot)
 */
public class EmulatedRobotAssert extends AbstractAssert<EmulatedRobotAssert, EmulatedRobot> {

	EmulatedRobotAssert(EmulatedRobot actual) {
		super(actual, EmulatedRobotAssert.class);
	}

	/**
	 * Continue with assertions on the messages the robot delivered, in arrival order.
	 * @return assertions on the delivered requests
	 */
	public ListAssert<RecordedRequest> receivedMessages() {
		isNotNull();
		return Assertions.assertThat(this.actual.receivedMessages())
			.as("messages received by DingTalk robot '%s'", this.actual.name());
	}

	/**
	 * Continue with assertions on every request the robot received, in arrival order.
	 * @return assertions on the requests
	 */
	public ListAssert<RecordedRequest> requests() {
		isNotNull();
		return Assertions.assertThat(this.actual.requests())
			.as("requests received by DingTalk robot '%s'", this.actual.name());
	}

	/**
	 * Verify that the robot delivered no message.
	 * @return this assertion
	 */
	public EmulatedRobotAssert receivedNoMessages() {
		isNotNull();
		List<RecordedRequest> messages = this.actual.receivedMessages();
		if (!messages.isEmpty()) {
			failWithMessage("Expected DingTalk robot '%s' to have received no message but it received:%n%s",
					this.actual.name(), visibleTexts(messages));
		}
		return this;
	}

	/**
	 * Verify that the robot delivered a message whose visible text (title and text)
	 * contains a string.
	 * @param text the text to look for
	 * @return this assertion
	 */
	public EmulatedRobotAssert receivedText(String text) {
		return hasReceivedMessageMatching((message) -> message.visibleText().contains(text),
				"a message containing \"" + text + "\"");
	}

	/**
	 * Verify that the robot delivered a message mentioning each of some people.
	 * @param mobilesOrUserIds mobile numbers or user ids
	 * @return this assertion
	 */
	public EmulatedRobotAssert mentioned(String... mobilesOrUserIds) {
		return hasReceivedMessageMatching(
				(message) -> Arrays.stream(mobilesOrUserIds).allMatch(message.mentions()::includes),
				"a message mentioning " + Arrays.toString(mobilesOrUserIds));
	}

	/**
	 * Verify that the robot delivered a message mentioning everyone.
	 * @return this assertion
	 */
	public EmulatedRobotAssert mentionedAll() {
		return hasReceivedMessageMatching((message) -> message.mentions().atAll(), "a message mentioning everyone");
	}

	/**
	 * Verify that no request to the robot exceeded the rate limit.
	 * @return this assertion
	 */
	public EmulatedRobotAssert hasNoRateViolations() {
		isNotNull();
		int violations = this.actual.rateViolations();
		if (violations > 0) {
			failWithMessage("Expected DingTalk robot '%s' to have seen no rate violation but it refused %d requests",
					this.actual.name(), violations);
		}
		return this;
	}

	/**
	 * Verify that every injected fault has been used.
	 * @return this assertion
	 */
	public EmulatedRobotAssert hasNoPendingFaults() {
		isNotNull();
		int pending = this.actual.pendingFaults();
		if (pending > 0) {
			failWithMessage("Expected DingTalk robot '%s' to have no pending fault but %d remain", this.actual.name(),
					pending);
		}
		return this;
	}

	private EmulatedRobotAssert hasReceivedMessageMatching(Predicate<RecordedRequest> condition, String expected) {
		isNotNull();
		List<RecordedRequest> messages = this.actual.receivedMessages();
		if (messages.stream().noneMatch(condition)) {
			failWithMessage("Expected DingTalk robot '%s' to have received %s but it received:%n%s", this.actual.name(),
					expected, visibleTexts(messages));
		}
		return this;
	}

	private static String visibleTexts(List<RecordedRequest> messages) {
		if (messages.isEmpty()) {
			return "  (no messages)";
		}
		StringBuilder texts = new StringBuilder();
		for (RecordedRequest message : messages) {
			texts.append("  ").append(message.msgtype()).append(": ").append(message.visibleText());
			if (!message.mentions().isEmpty()) {
				texts.append(" ").append(message.mentions());
			}
			texts.append(System.lineSeparator());
		}
		return texts.toString();
	}

}
