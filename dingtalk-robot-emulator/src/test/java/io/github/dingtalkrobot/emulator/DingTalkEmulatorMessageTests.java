package io.github.dingtalkrobot.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import io.github.dingtalkrobot.emulator.WebhookClient.Answer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for how a {@link DingTalkEmulator} checks the request body: content type, size,
 * JSON, message type and required fields.
 */
class DingTalkEmulatorMessageTests {

	@AutoClose
	final DingTalkEmulator emulator = DingTalkEmulator.builder().build().start();

	private final EmulatedRobot robot = this.emulator.registerRobot("ops", "token-ops");

	@ParameterizedTest
	@ValueSource(strings = { "text-at.json", "text-at-all.json", "link.json", "markdown-at.json",
			"actioncard-single.json", "actioncard-buttons.json", "feedcard.json" })
	void bodiesSentByTheOfficialSdkAreDelivered(String file) throws IOException {
		byte[] body;
		try (InputStream in = getClass().getResourceAsStream("/official-sdk/" + file)) {
			body = in.readAllBytes();
		}
		Answer answer = WebhookClient.post(this.robot.webhook(), "application/json;charset=UTF-8", body);
		assertThat(answer.errcode()).isZero();
		assertThat(this.robot.receivedMessages()).hasSize(1);
	}

	@Test
	void bodyOfExactlyTwentyThousandBytesIsDelivered() {
		String body = textOfSize(20_000);
		assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(20_000);
		assertThat(post(body).errcode()).isZero();
	}

	@Test
	void bodyOverTwentyThousandBytesIsRefused() {
		post(textOfSize(20_001)).assertRefusedWith(460101, "message too long, exceed 20000 bytes");
	}

	@Test
	void sizeIsCountedInUtf8Bytes() {
		// 6,667 CJK characters alone take 20,001 bytes in UTF-8
		String content = "告".repeat(6_667);
		String body = WebhookClient.text(content);
		assertThat(body.length()).isLessThan(20_000);
		post(body).assertRefusedWith(460101, "message too long, exceed 20000 bytes");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "not json", "{\"msgtype\":\"text\"", "{\"msgtype\":\"text\",}", "[]", "\"text\"",
			"{\"msgtype\":\"text\",\"text\":{\"content\":\"hi\"}} trailing", "{'msgtype':'text'}",
			"{\"msgtype\":\"text\",\"msgtype\":\"text\",\"text\":{\"content\":\"hi\"}}" })
	void bodyThatIsNotAJsonObjectIsRefused(String body) {
		post(body).assertRefusedWith(40035, "缺少参数 json");
	}

	@Test
	void bodyThatIsNotUtf8IsRefused() {
		byte[] latin1 = WebhookClient.text("caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
		WebhookClient.post(this.robot.webhook(), WebhookClient.JSON, latin1).assertRefusedWith(40035, "缺少参数 json");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"text\":{\"content\":\"hi\"}}", "{\"msgtype\":1,\"text\":{\"content\":\"hi\"}}",
			"{\"msgtype\":null}" })
	void bodyWithoutAMsgtypeIsRefused(String body) {
		post(body).assertRefusedWith(40035, "缺少参数 json");
	}

	@ParameterizedTest
	@ValueSource(strings = { "image", "Text", "sampleText", "" })
	void unknownMsgtypeIsRefused(String msgtype) {
		String body = "{\"msgtype\":\"" + msgtype + "\",\"text\":{\"content\":\"hi\"}}";
		post(body).assertRefusedWith(400105, "不支持的消息类型");
	}

	@ParameterizedTest
	@MethodSource("messagesMissingARequiredField")
	void messageMissingARequiredFieldIsRefused(String body, String field) {
		post(body).assertRefusedWith(40035, "缺少参数 " + field);
		assertThat(this.robot.receivedMessages()).isEmpty();
	}

	static Stream<Arguments> messagesMissingARequiredField() {
		return Stream.of(Arguments.of("{\"msgtype\":\"text\"}", "text"),
				Arguments.of("{\"msgtype\":\"text\",\"text\":\"hi\"}", "text"),
				Arguments.of("{\"msgtype\":\"text\",\"text\":{}}", "text.content"),
				Arguments.of("{\"msgtype\":\"text\",\"text\":{\"content\":\" \"}}", "text.content"),
				Arguments.of("{\"msgtype\":\"text\",\"text\":{\"content\":7}}", "text.content"),
				Arguments.of("{\"msgtype\":\"markdown\",\"markdown\":{\"text\":\"x\"}}", "markdown.title"),
				Arguments.of("{\"msgtype\":\"markdown\",\"markdown\":{\"title\":\"x\"}}", "markdown.text"),
				Arguments.of("{\"msgtype\":\"link\",\"link\":{\"title\":\"t\",\"text\":\"x\"}}", "link.messageUrl"),
				Arguments.of(
						"{\"msgtype\":\"link\",\"link\":{\"title\":\"t\",\"text\":\"x\",\"messageURL\":\"https://a\"}}",
						"link.messageUrl"),
				Arguments.of("{\"msgtype\":\"actionCard\",\"actionCard\":{\"text\":\"x\",\"btns\":[]}}",
						"actionCard.title"),
				Arguments.of("{\"msgtype\":\"actionCard\",\"actionCard\":{\"title\":\"t\",\"text\":\"x\"}}",
						"actionCard.btns"),
				Arguments.of("{\"msgtype\":\"actionCard\",\"actionCard\":{\"title\":\"t\",\"text\":\"x\",\"btns\":[]}}",
						"actionCard.btns"),
				Arguments.of("{\"msgtype\":\"actionCard\",\"actionCard\":{\"title\":\"t\",\"text\":\"x\","
						+ "\"singleTitle\":\"open\"}}", "actionCard.singleURL"),
				Arguments.of(
						"{\"msgtype\":\"actionCard\",\"actionCard\":{\"title\":\"t\",\"text\":\"x\","
								+ "\"btns\":[{\"title\":\"a\",\"actionURL\":\"https://a\"},{\"title\":\"b\"}]}}",
						"actionCard.btns[1].actionURL"),
				Arguments.of("{\"msgtype\":\"feedCard\",\"feedCard\":{}}", "feedCard.links"),
				Arguments.of("{\"msgtype\":\"feedCard\",\"feedCard\":{\"links\":[\"x\"]}}", "feedCard.links[0]"),
				Arguments.of("{\"msgtype\":\"feedCard\",\"feedCard\":{\"links\":[{\"title\":\"a\","
						+ "\"messageURL\":\"https://a\"}]}}", "feedCard.links[0].picURL"));
	}

	@Test
	void singleButtonOverridesIncompleteButtons() {
		String body = "{\"msgtype\":\"actionCard\",\"actionCard\":{\"title\":\"t\",\"text\":\"x\","
				+ "\"singleTitle\":\"open\",\"singleURL\":\"https://a\",\"btns\":[{}]}}";
		assertThat(post(body).errcode()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "application/json;charset=UTF-8", "Application/JSON; charset=utf-8",
			"application/json; charset=\"UTF-8\"" })
	void jsonContentTypeIsAccepted(String contentType) {
		Answer answer = WebhookClient.post(this.robot.webhook(), contentType,
				WebhookClient.text("hi").getBytes(StandardCharsets.UTF_8));
		assertThat(answer.errcode()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/x-www-form-urlencoded", "application/json;charset=GBK",
			"application/problem+json", "not a media type" })
	void otherContentTypeIsRefused(String contentType) {
		Answer answer = WebhookClient.post(this.robot.webhook(), contentType,
				WebhookClient.text("hi").getBytes(StandardCharsets.UTF_8));
		answer.assertRefusedWith(43004, "无效的HTTP HEADER Content-Type");
	}

	@Test
	void missingContentTypeIsRefused() {
		Answer answer = WebhookClient.post(this.robot.webhook(), null,
				WebhookClient.text("hi").getBytes(StandardCharsets.UTF_8));
		answer.assertRefusedWith(43004, "无效的HTTP HEADER Content-Type");
	}

	private Answer post(String body) {
		return WebhookClient.post(this.robot.webhook(), body);
	}

	private static String textOfSize(int bytes) {
		int overhead = WebhookClient.text("").length();
		return WebhookClient.text("x".repeat(bytes - overhead));
	}

}
