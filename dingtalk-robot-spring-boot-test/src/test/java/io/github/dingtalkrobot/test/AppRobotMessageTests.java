package io.github.dingtalkrobot.test;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import io.github.dingtalkrobot.DingTalkAppRobot;
import io.github.dingtalkrobot.DingTalkUnsupportedMessageException;
import io.github.dingtalkrobot.emulator.MutableClock;
import io.github.dingtalkrobot.emulator.OpenApiRequest;
import io.github.dingtalkrobot.message.ButtonOrientation;
import io.github.dingtalkrobot.message.Message;
import org.json.JSONException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The OpenAPI form of each message an app robot sends: its {@code msgKey} and its
 * {@code msgParam}, compared as strict JSON, to its group and to people one by one.
 */
class AppRobotMessageTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2025-11-28T08:00:00Z"));

	@RegisterExtension
	final AppRobots dingtalk = new AppRobots(this.clock);

	@Test
	void textIsSentAsSampleTextToTheGroup() throws JSONException {
		this.dingtalk.robot().send(Message.text("disk full"));
		OpenApiRequest request = onlyGroupMessage();
		assertThat(request.robotCode()).isEqualTo(AppRobots.ROBOT_CODE);
		assertThat(request.openConversationId()).isEqualTo(AppRobots.CONVERSATION_ID);
		assertMessage(request, "sampleText", "{\"content\":\"disk full\"}");
	}

	@Test
	void markdownIsSentAsSampleMarkdown() throws JSONException {
		this.dingtalk.robot().sendMarkdown("Disk", "## disk full\n- host-1");
		assertMessage(onlyGroupMessage(), "sampleMarkdown",
				"{\"title\":\"Disk\",\"text\":\"## disk full\\n- host-1\"}");
	}

	@Test
	void linkIsSentAsSampleLink() throws JSONException {
		this.dingtalk.robot()
			.send(Message.link("Runbook", "What to do", "https://example.com/runbook")
				.withPicUrl("https://example.com/p.png"));
		assertMessage(onlyGroupMessage(), "sampleLink", "{\"text\":\"What to do\",\"title\":\"Runbook\","
				+ "\"picUrl\":\"https://example.com/p.png\",\"messageUrl\":\"https://example.com/runbook\"}");
	}

	@Test
	void actionCardWithASingleButtonIsSentAsSampleActionCard() throws JSONException {
		this.dingtalk.robot()
			.send(Message.actionCard("Deploy", "v2 is out").singleButton("Open", "https://example.com/d").build());
		assertMessage(onlyGroupMessage(), "sampleActionCard", "{\"title\":\"Deploy\",\"text\":\"v2 is out\","
				+ "\"singleTitle\":\"Open\",\"singleURL\":\"https://example.com/d\"}");
	}

	@Test
	void actionCardWithThreeButtonsIsSentAsSampleActionCard3() throws JSONException {
		this.dingtalk.robot()
			.send(Message.actionCard("Deploy", "v2?")
				.button("Yes", "https://example.com/y")
				.button("No", "https://example.com/n")
				.button("Later", "https://example.com/l")
				.build());
		assertMessage(onlyGroupMessage(), "sampleActionCard3",
				"{\"title\":\"Deploy\",\"text\":\"v2?\",\"actionTitle1\":\"Yes\",\"actionURL1\":\"https://example.com/y\","
						+ "\"actionTitle2\":\"No\",\"actionURL2\":\"https://example.com/n\",\"actionTitle3\":\"Later\","
						+ "\"actionURL3\":\"https://example.com/l\"}");
	}

	@Test
	void actionCardWithTwoHorizontalButtonsIsSentAsSampleActionCard6() throws JSONException {
		this.dingtalk.robot()
			.send(Message.actionCard("Deploy", "v2?")
				.button("Yes", "https://example.com/y")
				.button("No", "https://example.com/n")
				.orientation(ButtonOrientation.HORIZONTAL)
				.build());
		assertMessage(onlyGroupMessage(), "sampleActionCard6",
				"{\"title\":\"Deploy\",\"text\":\"v2?\",\"buttonTitle1\":\"Yes\",\"buttonUrl1\":\"https://example.com/y\","
						+ "\"buttonTitle2\":\"No\",\"buttonUrl2\":\"https://example.com/n\"}");
	}

	@Test
	void mentionsStayInTheTextSinceTheOpenApiHasNoAt() throws JSONException {
		this.dingtalk.robot().send(Message.text("disk full").atUserIds("manager1").atMobiles("13800000000"));
		assertMessage(onlyGroupMessage(), "sampleText", "{\"content\":\"disk full @manager1 @13800000000\"}");
	}

	@Test
	void feedCardIsRefusedBeforeAnythingIsSent() {
		DingTalkAppRobot robot = this.dingtalk.robot();
		Message feedCard = Message.feedCard().link("One", "https://example.com/1", "https://example.com/1.png").build();
		assertThatExceptionOfType(DingTalkUnsupportedMessageException.class).isThrownBy(() -> robot.send(feedCard))
			.withMessageContaining("has no feed card")
			.satisfies((ex) -> assertThat(ex.robotName()).isEqualTo("oncall"));
		assertThatExceptionOfType(DingTalkUnsupportedMessageException.class)
			.isThrownBy(() -> robot.sendToUsers(List.of("user1"), feedCard));
		assertThatExceptionOfType(DingTalkUnsupportedMessageException.class)
			.isThrownBy(() -> robot.sendAsync(feedCard));
		assertThat(this.dingtalk.app().requests()).isEmpty();
	}

	@Test
	void messageToPeopleIsSentAsBatchSend() throws JSONException {
		this.dingtalk.robot().sendToUsers(List.of("user1", "user2"), Message.markdown("Shift", "You are on call"));
		List<OpenApiRequest> sends = this.dingtalk.app().userMessages();
		assertThat(sends).singleElement().satisfies((request) -> {
			assertThat(request.userIds()).containsExactly("user1", "user2");
			assertThat(request.robotCode()).isEqualTo(AppRobots.ROBOT_CODE);
			assertThat(request.openConversationId()).isNull();
		});
		assertMessage(sends.get(0), "sampleMarkdown", "{\"title\":\"Shift\",\"text\":\"You are on call\"}");
		assertThat(this.dingtalk.app().groupMessages()).isEmpty();
	}

	@Test
	void moreThanTwentyPeopleAreSplitIntoRequestsOfTwentyInOrder() {
		List<String> people = IntStream.rangeClosed(1, 45).mapToObj((i) -> "user" + i).toList();
		this.dingtalk.robot().sendToUsers(people, Message.text("all hands"));
		List<OpenApiRequest> sends = this.dingtalk.app().userMessages();
		assertThat(sends).extracting((request) -> request.userIds().size()).containsExactly(20, 20, 5);
		assertThat(sends.stream().flatMap((request) -> request.userIds().stream()).toList())
			.containsExactlyElementsOf(people);
	}

	@Test
	void robotWithoutAConversationSendsToPeopleOnly() {
		DingTalkAppRobot robot = this.dingtalk
			.robot((builder) -> builder.app(AppRobots.CLIENT_ID, AppRobots.CLIENT_SECRET, AppRobots.ROBOT_CODE, null));
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> robot.sendText("hi"))
			.withMessageContaining("use sendToUsers");
		robot.sendToUsers(List.of("user1"), Message.text("hi"));
		assertThat(this.dingtalk.app().userMessages()).hasSize(1);
	}

	private OpenApiRequest onlyGroupMessage() {
		List<OpenApiRequest> messages = this.dingtalk.app().groupMessages();
		assertThat(messages).hasSize(1);
		return messages.get(0);
	}

	private static void assertMessage(OpenApiRequest request, String msgKey, String msgParam) throws JSONException {
		assertThat(request.msgKey()).isEqualTo(msgKey);
		JSONAssert.assertEquals(msgParam, request.msgParamJson(), JSONCompareMode.STRICT);
	}

}
