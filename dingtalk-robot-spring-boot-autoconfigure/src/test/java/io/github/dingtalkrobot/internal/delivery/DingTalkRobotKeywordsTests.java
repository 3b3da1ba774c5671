package io.github.dingtalkrobot.internal.delivery;

import java.time.Clock;
import java.util.List;

import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.emulator.RecordedRequest;
import io.github.dingtalkrobot.message.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that a robot with keywords and the emulator follow the same rule: only a
 * message's title, text and content (a feed card's link titles) carry a keyword, so every
 * message type that a robot sends passes the emulator's keyword check.
 */
class DingTalkRobotKeywordsTests {

	@RegisterExtension
	final RobotsUnderTest dingtalk = new RobotsUnderTest(Clock.systemUTC());

	private EmulatedRobot emulated;

	private DingTalkRobot robot;

	@BeforeEach
	void registerRobot() {
		this.emulated = this.dingtalk.emulator().registerRobot("alerts", "token-keywords").keywords("告警", "监控");
		this.robot = this.dingtalk.robotFor(this.emulated, (builder) -> builder);
	}

	@Test
	void everyMessageTypeWithoutAKeywordPassesTheEmulatorsCheck() {
		List<Message> messages = List.of(Message.text("disk full"), Message.markdown("Disk", "disk full"),
				Message.link("Disk", "disk full", "https://example.com/disk"),
				// Keywords only in button titles, which do not count
				Message.actionCard("Disk", "disk full").singleButton("告警 details", "https://example.com/disk").build(),
				Message.actionCard("Disk", "disk full")
					.button("告警", "https://example.com/ack")
					.button("监控", "https://example.com/mute")
					.build(),
				Message.feedCard()
					.link("disk full", "https://example.com/disk", "https://example.com/disk.png")
					.link("cpu high", "https://example.com/cpu", "https://example.com/cpu.png")
					.build());
		for (Message message : messages) {
			assertThat(this.robot.send(message).errcode()).as(message.msgtype()).isZero();
		}
		assertThat(this.emulated.requests()).extracting(RecordedRequest::errcode).containsOnly(0);
		assertThat(this.emulated.receivedMessages()).hasSize(messages.size())
			.allSatisfy((request) -> assertThat(request.visibleText()).contains("告警"));
	}

	@Test
	void messageWithAKeywordInItsTitleOrTextIsSentAsItIs() {
		assertThat(this.robot.send(Message.markdown("监控", "disk full")).errcode()).isZero();
		assertThat(this.robot
			.send(Message.actionCard("Disk", "监控: disk full").singleButton("Open", "https://example.com/disk").build())
			.errcode()).isZero();
		assertThat(this.emulated.receivedMessages()).extracting(RecordedRequest::visibleText)
			.containsExactly("监控\ndisk full", "Disk\n监控: disk full");
	}

}
