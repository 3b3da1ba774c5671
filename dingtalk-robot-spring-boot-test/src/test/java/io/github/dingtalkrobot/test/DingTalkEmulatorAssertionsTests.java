package io.github.dingtalkrobot.test;

import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.emulator.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.dingtalkrobot.test.DingTalkEmulatorAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DingTalkEmulatorAssertions}.
 */
class DingTalkEmulatorAssertionsTests {

	@RegisterExtension
	final DingTalkEmulatorExtension dingtalk = new DingTalkEmulatorExtension(DingTalkEmulator.builder());

	private DingTalkEmulator emulator;

	private EmulatedRobot ops;

	@BeforeEach
	void registerRobots(DingTalkEmulator emulator) {
		this.emulator = emulator;
		this.ops = this.emulator.registerRobot("ops", "token-ops");
	}

	@Test
	void receivedMessagesContinuesWithTheDeliveredMessages() {
		send(WebhookClient.text("one"));
		send("{}");
		send(WebhookClient.text("two"));
		assertThat(this.ops).receivedMessages().hasSize(2);
		assertThat(this.ops).requests().hasSize(3);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.ops).receivedMessages().hasSize(3))
			.withMessageContaining("messages received by DingTalk robot 'ops'");
	}

	@Test
	void receivedTextFindsTextInAnyDeliveredMessage() {
		send(WebhookClient.text("disk full on host-1"));
		send("{\"msgtype\":\"markdown\",\"markdown\":{\"title\":\"Deployed 1.2\",\"text\":\"all green\"}}");
		assertThat(this.ops).receivedText("disk full").receivedText("Deployed 1.2").receivedText("all green");
	}

	@Test
	void receivedTextFailsListingWhatWasReceived() {
		send(WebhookClient.text("disk full"));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(this.ops).receivedText("cpu"))
			.withMessageContaining("Expected DingTalk robot 'ops' to have received a message containing \"cpu\"")
			.withMessageContaining("text: disk full");
	}

	@Test
	void receivedTextIgnoresRefusedMessages() {
		this.ops.keywords("告警");
		send(WebhookClient.text("disk full"));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(this.ops).receivedText("disk full"))
			.withMessageContaining("(no messages)");
	}

	@Test
	void receivedNoMessagesFailsWhenAMessageWasDelivered() {
		assertThat(this.ops).receivedNoMessages();
		send(WebhookClient.text("hi"));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(this.ops).receivedNoMessages())
			.withMessageContaining("to have received no message");
	}

	@Test
	void mentionedChecksTheMentionsOfOneMessage() {
		send("{\"msgtype\":\"text\",\"text\":{\"content\":\"@138 @user1 hi\"},"
				+ "\"at\":{\"atMobiles\":[\"138\"],\"atUserIds\":[\"user1\"]}}");
		send("{\"msgtype\":\"text\",\"text\":{\"content\":\"all\"},\"at\":{\"isAtAll\":true}}");
		assertThat(this.ops).mentioned("138").mentioned("138", "user1").mentionedAll();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(this.ops).mentioned("139"))
			.withMessageContaining("a message mentioning [139]");
	}

	@Test
	void mentionedAllFailsWithoutAnAtAllMessage() {
		send(WebhookClient.text("hi"));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(this.ops).mentionedAll())
			.withMessageContaining("a message mentioning everyone");
	}

	@Test
	void hasNoRateViolationsFailsOnceTheRateWasExceeded() {
		assertThat(this.ops).hasNoRateViolations();
		assertThat(this.emulator).hasNoRateViolations();
		for (int i = 0; i < 21; i++) {
			send(WebhookClient.text("hi"));
		}
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(this.ops).hasNoRateViolations())
			.withMessageContaining("refused 1 requests");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.emulator).hasNoRateViolations())
			.withMessageContaining("robot 'ops' refused 1 requests");
	}

	@Test
	void hasNoPendingFaultsFailsWhileFaultsRemain() {
		this.ops.failNext(2).withErrcode(-1);
		send(WebhookClient.text("hi"));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(this.ops).hasNoPendingFaults())
			.withMessageContaining("1 remain");
		send(WebhookClient.text("hi"));
		assertThat(this.ops).hasNoPendingFaults();
	}

	@Test
	void emulatorAssertionsReachRobotsAndRequests() {
		send(WebhookClient.text("hi"));
		assertThat(this.emulator).robot("ops").receivedText("hi");
		assertThat(this.emulator).requests().hasSize(1);
		assertThat(this.emulator).hasNoUnknownTokenRequests();
		WebhookClient.post(this.emulator.webhook("token-unknown"), WebhookClient.text("hi"));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.emulator).hasNoUnknownTokenRequests())
			.withMessageContaining("received 1");
	}

	private void send(String body) {
		WebhookClient.post(this.ops.webhook(), body);
	}

}
