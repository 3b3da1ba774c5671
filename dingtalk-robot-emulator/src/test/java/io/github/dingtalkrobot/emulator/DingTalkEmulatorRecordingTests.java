package io.github.dingtalkrobot.emulator;

import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for what a {@link DingTalkEmulator} records of each request.
 */
class DingTalkEmulatorRecordingTests {

	private static final Instant START = Instant.parse("2025-11-28T08:00:00Z");

	private final MutableClock clock = new MutableClock(START);

	private final DingTalkEmulator emulator = DingTalkEmulator.builder().clock(this.clock).build();

	private EmulatedRobot ops;

	private EmulatedRobot dev;

	@BeforeEach
	void registerRobots() {
		this.ops = this.emulator.registerRobot("ops", "token-ops").keywords("告警");
		this.dev = this.emulator.registerRobot("dev", "token-dev");
		this.emulator.start();
	}

	@AfterEach
	void closeEmulator() {
		this.emulator.close();
	}

	@Test
	void everyRequestIsRecordedInArrivalOrderWithItsAnswer() {
		WebhookClient.post(this.ops.webhook(), WebhookClient.text("告警 disk full"));
		this.clock.advance(Duration.ofSeconds(1));
		WebhookClient.post(this.ops.webhook(), WebhookClient.text("no keyword"));
		this.clock.advance(Duration.ofSeconds(1));
		WebhookClient.post(this.emulator.webhook("token-unknown"), WebhookClient.text("lost"));
		this.clock.advance(Duration.ofSeconds(1));
		WebhookClient.post(this.dev.webhook(), "not json");
		List<RecordedRequest> requests = this.emulator.requests();
		assertThat(requests).extracting(RecordedRequest::robotName).containsExactly("ops", "ops", null, "dev");
		assertThat(requests).extracting(RecordedRequest::errcode).containsExactly(0, 310000, 300001, 40035);
		assertThat(requests).extracting(RecordedRequest::errmsg)
			.containsExactly("ok", "keywords not in content", "token is not exist", "缺少参数 json");
		assertThat(requests).extracting(RecordedRequest::delivered).containsExactly(true, false, false, false);
		assertThat(requests).extracting(RecordedRequest::receivedAt)
			.containsExactly(START, START.plusSeconds(1), START.plusSeconds(2), START.plusSeconds(3));
		assertThat(requests).extracting(RecordedRequest::msgtype).containsExactly("text", "text", "text", null);
		assertThat(requests.get(3).body()).isEqualTo("not json");
		assertThat(requests.get(3).message()).isEmpty();
		assertThat(this.ops.requests()).hasSize(2);
		assertThat(this.ops.receivedMessages()).singleElement()
			.satisfies((message) -> assertThat(message.text()).isEqualTo("告警 disk full"));
	}

	@Test
	void contentTypeHeadersAndDecodedQueryAreRecorded() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.dev.webhook() + "&timestamp=1&sign=a%2Bb%3D"))
			.header("Content-Type", WebhookClient.JSON)
			.header("X-Trace", "on")
			.POST(BodyPublishers.ofString(WebhookClient.text("hi")))
			.build();
		WebhookClient.send(request);
		assertThat(this.dev.requests()).singleElement().satisfies((recorded) -> {
			assertThat(recorded.contentType()).isEqualTo(WebhookClient.JSON);
			assertThat(recorded.headers()).containsEntry("X-Trace", "on");
			assertThat(recorded.headers().get("x-trace")).isEqualTo("on");
			assertThat(recorded.query()).containsExactly(entry("access_token", "token-dev"), entry("timestamp", "1"),
					entry("sign", "a+b="));
			assertThat(recorded.toString()).doesNotContain("token-dev").doesNotContain("a+b=");
		});
	}

	@Test
	void textMessageIsRecordedWithItsContentAndMentions() {
		WebhookClient.post(this.dev.webhook(), "{\"msgtype\":\"text\",\"text\":{\"content\":\"@13800000000 hi\"},"
				+ "\"at\":{\"atMobiles\":[\"13800000000\"],\"atUserIds\":[\"user123\"],\"isAtAll\":false}}");
		RecordedRequest message = this.dev.receivedMessages().get(0);
		assertThat(message.title()).isNull();
		assertThat(message.text()).isEqualTo("@13800000000 hi");
		assertThat(message.visibleText()).isEqualTo("@13800000000 hi");
		assertThat(message.mentions()).isEqualTo(new Mentions(List.of("13800000000"), List.of("user123"), false));
		assertThat(message.mentions().includes("user123")).isTrue();
		assertThat(message.mentions().includes("someone")).isFalse();
	}

	@Test
	void markdownMessageIsRecordedWithTitleAndText() {
		WebhookClient.post(this.dev.webhook(), "{\"msgtype\":\"markdown\",\"markdown\":{\"title\":\"杭州天气\","
				+ "\"text\":\"#### 杭州天气\\n> 9度\"},\"at\":{\"isAtAll\":true}}");
		RecordedRequest message = this.dev.receivedMessages().get(0);
		assertThat(message.title()).isEqualTo("杭州天气");
		assertThat(message.text()).isEqualTo("#### 杭州天气\n> 9度");
		assertThat(message.visibleText()).isEqualTo("杭州天气\n#### 杭州天气\n> 9度");
		assertThat(message.mentions().atAll()).isTrue();
	}

	@Test
	void feedCardIsRecordedWithItsLinkTitlesAsText() {
		WebhookClient.post(this.dev.webhook(),
				"{\"msgtype\":\"feedCard\",\"feedCard\":{\"links\":[{\"title\":\"one\",\"messageURL\":\"https://a\","
						+ "\"picURL\":\"https://a/1.png\"},{\"title\":\"two\",\"messageURL\":\"https://b\","
						+ "\"picURL\":\"https://b/2.png\"}]}}");
		RecordedRequest message = this.dev.receivedMessages().get(0);
		assertThat(message.title()).isNull();
		assertThat(message.text()).isEqualTo("one\ntwo");
		assertThat(message.mentions()).isEqualTo(Mentions.NONE);
	}

	@Test
	void parsedMessageIsTheBodyAsNestedMaps() {
		WebhookClient.post(this.dev.webhook(),
				"{\"msgtype\":\"actionCard\",\"actionCard\":{\"title\":\"t\",\"text\":\"x\",\"btnOrientation\":\"1\","
						+ "\"btns\":[{\"title\":\"a\",\"actionURL\":\"https://a\"}]}}");
		Map<String, Object> message = this.dev.receivedMessages().get(0).message();
		assertThat(message).containsEntry("msgtype", "actionCard");
		assertThat(message.get("actionCard")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("btnOrientation", "1")
			.containsEntry("btns", List.of(Map.of("title", "a", "actionURL", "https://a")));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> message.put("x", "y"));
	}

	@Test
	void robotResetForgetsOnlyThatRobot() {
		WebhookClient.post(this.ops.webhook(), WebhookClient.text("告警"));
		WebhookClient.post(this.dev.webhook(), WebhookClient.text("hi"));
		this.ops.reset();
		assertThat(this.ops.requests()).isEmpty();
		assertThat(this.dev.requests()).hasSize(1);
		assertThat(this.ops.keywords()).containsExactly("告警");
	}

	@Test
	void emulatorResetForgetsAllRequestsButKeepsRobots() {
		WebhookClient.post(this.ops.webhook(), WebhookClient.text("告警"));
		WebhookClient.post(this.emulator.webhook("token-unknown"), WebhookClient.text("hi"));
		this.emulator.reset();
		assertThat(this.emulator.requests()).isEmpty();
		assertThat(this.emulator.robots()).containsExactly(this.dev, this.ops);
	}

	@Test
	void recordedRequestsAreSnapshots() {
		List<RecordedRequest> before = this.dev.requests();
		WebhookClient.post(this.dev.webhook(), WebhookClient.text("hi"));
		assertThat(before).isEmpty();
		assertThat(this.dev.requests()).hasSize(1);
	}

}
