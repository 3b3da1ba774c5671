package io.github.dingtalkrobot;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.github.dingtalkrobot.LoopbackServer.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed requests as a server sees them, checked with a signature the test computes on
 * its own.
 */
class DingTalkRobotSigningTests {

	private static final String SECRET = "SEC90485937c351bfaed41fea8eda5f1e155bbf22842d5f9d6871999e05822fd894";

	private static final long NOW = 1614672000000L;

	@RegisterExtension
	final LoopbackServer server = new LoopbackServer();

	@Test
	void signedRequestCarriesTimestampFromClockAndSignThatDecodesOnceToTheSignature() {
		Clock clock = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
		robot(clock).sendText("signed");
		RecordedRequest request = this.server.onlyRequest();
		Map<String, String> query = request.query();
		assertThat(query).containsOnlyKeys("access_token", "timestamp", "sign");
		assertThat(query.get("access_token")).isEqualTo("abc");
		assertThat(query.get("timestamp")).isEqualTo(String.valueOf(NOW));
		// The vector from signatures.json, computed with DingTalk's Python reference code
		assertThat(query.get("sign")).isEqualTo("dt7RH6yy1FrQL5rIU+88zyXRCeyq1Iqt+4jOxYea2TI=")
			.isEqualTo(ReferenceSignature.of(query.get("timestamp"), SECRET));
		assertThat(request.rawQuery()).contains("sign=dt7RH6yy1FrQL5rIU%2B88zyXRCeyq1Iqt%2B4jOxYea2TI%3D")
			.doesNotContain("%25");
	}

	@Test
	void everyRequestIsSignedAfreshWithTheClocksCurrentTime() {
		DingTalkRobot robot = robot(new TickingClock(NOW));
		robot.sendText("first");
		robot.sendText("second");
		assertThat(this.server.requests()).hasSize(2).allSatisfy(this::assertCorrectlySigned);
		// The robot reads its clock for more than the signature, so only the order is
		// known
		assertThat(this.server.requests()).extracting((request) -> Long.parseLong(request.query().get("timestamp")))
			.allSatisfy((timestamp) -> assertThat(timestamp).isGreaterThanOrEqualTo(NOW))
			.doesNotHaveDuplicates()
			.isSorted();
	}

	@Test
	void signatureFromAWebhookCopiedWithOldSignatureIsReplaced() {
		Clock clock = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
		DingTalkRobot robot = DingTalkRobot.builder("signed")
			.webhook(this.server.webhook("abc") + "&timestamp=1&sign=stale")
			.secret(SECRET)
			.clock(clock)
			.build();
		robot.sendText("signed");
		RecordedRequest request = this.server.onlyRequest();
		assertThat(request.rawQuery().split("sign=")).hasSize(2);
		assertCorrectlySigned(request);
	}

	@Test
	void robotWithAccessTokenAndBaseUrlSignsToo() {
		DingTalkRobot robot = DingTalkRobot.builder("signed")
			.accessToken("abc")
			.baseUrl(this.server.baseUrl())
			.secret(SECRET)
			.clock(new TickingClock(NOW))
			.build();
		robot.sendText("signed");
		assertCorrectlySigned(this.server.onlyRequest());
		assertThat(this.server.onlyRequest().query()).containsEntry("access_token", "abc");
	}

	@Test
	void robotWithoutSecretSendsNoTimestampOrSign() {
		DingTalkRobot.builder("unsigned").webhook(this.server.webhook("abc")).build().sendText("unsigned");
		assertThat(this.server.onlyRequest().query()).containsOnlyKeys("access_token");
	}

	@Test
	void blankSecretMeansUnsigned() {
		DingTalkRobot.builder("unsigned").webhook(this.server.webhook("abc")).secret("").build().sendText("unsigned");
		assertThat(this.server.onlyRequest().query()).containsOnlyKeys("access_token");
	}

	private DingTalkRobot robot(Clock clock) {
		return DingTalkRobot.builder("signed").webhook(this.server.webhook("abc")).secret(SECRET).clock(clock).build();
	}

	private void assertCorrectlySigned(RecordedRequest request) {
		Map<String, String> query = request.query();
		assertThat(query.get("sign")).isEqualTo(ReferenceSignature.of(query.get("timestamp"), SECRET));
	}

}
