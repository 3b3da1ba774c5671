package io.github.dingtalkrobot;

import java.nio.charset.StandardCharsets;

import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.emulator.RecordedRequest;
import io.github.dingtalkrobot.message.ButtonOrientation;
import io.github.dingtalkrobot.message.Message;
import org.json.JSONObject;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message type, sent through a robot, against the body that DingTalk's official SDK
 * sends for the same message.
 */
class DingTalkRobotWireFormatTests {

	private static final String ARTICLE = "![screenshot](https://img.example.com/c.png) \n\n #### 乔布斯 20 年前想打造的苹果咖啡厅";

	@AutoClose
	final DingTalkEmulator emulator = DingTalkEmulator.builder().build().start();

	private final EmulatedRobot dingtalk = this.emulator.registerRobot("wire", "token");

	private final DingTalkRobot robot = DingTalkRobot.builder("wire").webhook(this.dingtalk.webhook()).build();

	@Test
	void textWithMentionsMatchesOfficialSdkWithUserIdNamedInContent() throws Exception {
		this.robot.send(Message.text("我就是我, @13800000000 是不一样的烟火").atMobiles("13800000000").atUserIds("user123"));
		// Deliberately different from the SDK: DingTalk only notifies people named in the
		// text, so the robot appends " @user123", which the SDK's caller forgot
		JSONObject expected = sdkBody("text-at");
		JSONObject text = expected.getJSONObject("text");
		text.put("content", text.getString("content") + " @user123");
		assertSentBody(expected.toString());
	}

	@Test
	void textAtAllMatchesOfficialSdk() throws Exception {
		this.robot.send(Message.text("全员注意").atAll());
		assertSentBody(sdkBody("text-at-all").toString());
	}

	@Test
	void textWithoutMentionsHasNoAtObject() throws Exception {
		this.robot.sendText("hello");
		assertSentBody("{\"msgtype\":\"text\",\"text\":{\"content\":\"hello\"}}");
	}

	@Test
	void linkMatchesOfficialSdk() throws Exception {
		JSONObject link = sdkBody("link").getJSONObject("link");
		this.robot.send(Message.link(link.getString("title"), link.getString("text"), link.getString("messageUrl"))
			.withPicUrl(link.getString("picUrl")));
		assertSentBody(sdkBody("link").toString());
	}

	@Test
	void linkWithoutPictureLeavesPicUrlOut() throws Exception {
		this.robot.send(Message.link("title", "text", "https://example.com"));
		assertSentBody("{\"msgtype\":\"link\",\"link\":{\"title\":\"title\",\"text\":\"text\","
				+ "\"messageUrl\":\"https://example.com\"}}");
	}

	@Test
	void markdownWithMentionMatchesOfficialSdk() throws Exception {
		JSONObject markdown = sdkBody("markdown-at").getJSONObject("markdown");
		this.robot
			.send(Message.markdown(markdown.getString("title"), markdown.getString("text")).atMobiles("150XXXXXXXX"));
		assertSentBody(sdkBody("markdown-at").toString());
	}

	@Test
	void actionCardWithSingleButtonMatchesOfficialSdk() throws Exception {
		this.robot.send(Message.actionCard("乔布斯 20 年前想打造一间苹果咖啡厅", ARTICLE + " \n\n Apple Store 的设计正从原来满满的科技感走向生活化")
			.singleButton("阅读全文", "https://www.dingtalk.com/")
			.orientation(ButtonOrientation.VERTICAL)
			.hideAvatar(false)
			.build());
		assertSentBody(sdkBody("actioncard-single").toString());
	}

	@Test
	void actionCardWithButtonsMatchesOfficialSdk() throws Exception {
		this.robot.send(Message.actionCard("我 20 年前想打造一间苹果咖啡厅", ARTICLE)
			.button("内容不错", "https://www.dingtalk.com/good")
			.button("不感兴趣", "https://www.dingtalk.com/bad")
			.orientation(ButtonOrientation.HORIZONTAL)
			.build());
		assertSentBody(sdkBody("actioncard-buttons").toString());
	}

	@Test
	void feedCardMatchesOfficialSdk() throws Exception {
		this.robot.send(Message.feedCard()
			.link("时代的火车向前开1", "https://www.dingtalk.com/1", "https://img.example.com/1.png")
			.link("时代的火车向前开2", "https://www.dingtalk.com/2", "https://img.example.com/2.png")
			.build());
		assertSentBody(sdkBody("feedcard").toString());
	}

	@Test
	void requestIsUtf8JsonPostedToTheWebhookPath() {
		this.robot.sendText("你好");
		// The emulator records only a POST to /robot/send: anything else gets a 404 or
		// 405
		assertThat(this.dingtalk.requests()).singleElement().satisfies((request) -> {
			assertThat(request.contentType()).isEqualToIgnoringWhitespace("application/json;charset=UTF-8");
			assertThat(request.text()).isEqualTo("你好");
			assertThat(request.delivered()).isTrue();
		});
	}

	private void assertSentBody(String expected) throws Exception {
		JSONAssert.assertEquals(expected, onlyRequest().body(), JSONCompareMode.STRICT);
	}

	private RecordedRequest onlyRequest() {
		assertThat(this.dingtalk.requests()).hasSize(1);
		return this.dingtalk.requests().get(0);
	}

	private static JSONObject sdkBody(String name) throws Exception {
		return new JSONObject(
				new ClassPathResource("official-sdk/" + name + ".json").getContentAsString(StandardCharsets.UTF_8));
	}

}
