package io.github.dingtalkrobot.emulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import io.github.dingtalkrobot.emulator.WebhookClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the security settings a {@link DingTalkEmulator} robot enforces: access
 * token, signature and keywords.
 */
class DingTalkEmulatorSecurityTests {

	private static final String SECRET = "SEC90485937c351bfaed41fea8eda5f1e155bbf22842d5f9d6871999e05822fd894";

	private static final Instant NOW = Instant.parse("2025-11-28T08:00:00Z");

	private final MutableClock clock = new MutableClock(NOW);

	private final DingTalkEmulator emulator = DingTalkEmulator.builder().clock(this.clock).build();

	private EmulatedRobot signed;

	private EmulatedRobot guarded;

	@BeforeEach
	void registerRobots() {
		this.signed = this.emulator.registerRobot("signed", "token-signed").secret(SECRET);
		this.guarded = this.emulator.registerRobot("guarded", "token-guarded").keywords("告警", "alert");
		this.emulator.start();
	}

	@AfterEach
	void closeEmulator() {
		this.emulator.close();
	}

	@Test
	void validSignedRequestIsDelivered() {
		Answer answer = post(WebhookClient.signedUrl(this.signed.webhook(), SECRET, NOW.toEpochMilli()));
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.contentType()).isEqualTo("application/json;charset=UTF-8");
		assertThat(answer.body()).isEqualTo("{\"errcode\":0,\"errmsg\":\"ok\"}");
		assertThat(this.signed.receivedMessages()).singleElement().satisfies((message) -> {
			assertThat(message.signed()).isTrue();
			assertThat(message.text()).isEqualTo("hello");
		});
	}

	@ParameterizedTest
	@MethodSource("signatureVectors")
	void publishedSignatureVectorsAreAccepted(String secret, long timestamp, String encodedSign) {
		this.clock.set(Instant.ofEpochMilli(timestamp));
		EmulatedRobot robot = this.emulator.registerRobot("vector", "token-vector").secret(secret);
		String url = robot.webhook() + "&timestamp=" + timestamp + "&sign=" + encodedSign;
		assertThat(post(url).errcode()).isZero();
		// Python's quote() keeps '/' unencoded; a server decodes both forms alike
		String pythonStyle = robot.webhook() + "&timestamp=" + timestamp + "&sign=" + encodedSign.replace("%2F", "/");
		assertThat(post(pythonStyle).errcode()).isZero();
	}

	static Stream<Arguments> signatureVectors() {
		return Stream.of(Arguments.of(SECRET, 1614672000000L, "dt7RH6yy1FrQL5rIU%2B88zyXRCeyq1Iqt%2B4jOxYea2TI%3D"),
				Arguments.of("SECabcdef0123456789abcdef0123456789abcdef0123456789abcdef01234567", 1700000000000L,
						"JeTK0r3tW3V9mXhi%2FERGOFxHaqzz3wUrtKAwf2mV7c8%3D"),
				Arguments.of("SEC0000000000000000000000000000000000000000000000000000000000000000", 1L,
						"PdraW%2F9zsF9AWxkkL2mWeUNpH%2FQ29Y4TmoRi9t4cRnA%3D"),
				Arguments.of("SEC测试密钥", 1732780800123L, "XQ7OzmAVZTB5SzjrcMm78PaPvcdmHDl%2F9ezgevrKqD8%3D"));
	}

	@Test
	void wrongSignIsRefused() {
		Answer answer = post(WebhookClient.signedUrl(this.signed.webhook(), "SECwrong", NOW.toEpochMilli()));
		answer.assertRefusedWith(310000, "sign not match");
	}

	@Test
	void signForAnotherTimestampIsRefused() {
		String sign = WebhookClient.sign(SECRET, NOW.toEpochMilli() - 1);
		String url = this.signed.webhook() + "&timestamp=" + NOW.toEpochMilli() + "&sign="
				+ URLEncoder.encode(sign, StandardCharsets.UTF_8);
		post(url).assertRefusedWith(310000, "sign not match");
	}

	@Test
	void unsignedRequestToASignedRobotIsRefused() {
		post(this.signed.webhook()).assertRefusedWith(310000, "sign not match");
		post(this.signed.webhook() + "&timestamp=" + NOW.toEpochMilli()).assertRefusedWith(310000, "sign not match");
	}

	@Test
	void signThatIsNotUrlEncodedIsRefused() {
		// The first vector's signature holds '+', which a server decodes as a space
		this.clock.set(Instant.ofEpochMilli(1614672000000L));
		String url = this.signed.webhook()
				+ "&timestamp=1614672000000&sign=dt7RH6yy1FrQL5rIU+88zyXRCeyq1Iqt+4jOxYea2TI=";
		post(url).assertRefusedWith(310000, "sign not match");
	}

	@Test
	void signThatIsUrlEncodedTwiceIsRefused() {
		String once = URLEncoder.encode(WebhookClient.sign(SECRET, NOW.toEpochMilli()), StandardCharsets.UTF_8);
		String twice = URLEncoder.encode(once, StandardCharsets.UTF_8);
		String url = this.signed.webhook() + "&timestamp=" + NOW.toEpochMilli() + "&sign=" + twice;
		post(url).assertRefusedWith(310000, "sign not match");
	}

	@Test
	void timestampUpToAnHourFromTheEmulatorClockIsAccepted() {
		long hourAgo = NOW.minus(Duration.ofHours(1)).toEpochMilli();
		long hourAhead = NOW.plus(Duration.ofHours(1)).toEpochMilli();
		assertThat(post(WebhookClient.signedUrl(this.signed.webhook(), SECRET, hourAgo)).errcode()).isZero();
		assertThat(post(WebhookClient.signedUrl(this.signed.webhook(), SECRET, hourAhead)).errcode()).isZero();
	}

	@Test
	void staleTimestampIsRefused() {
		long signedAt = NOW.toEpochMilli();
		this.clock.advance(Duration.ofHours(1).plusMillis(1));
		post(WebhookClient.signedUrl(this.signed.webhook(), SECRET, signedAt)).assertRefusedWith(310000,
				"invalid timestamp");
	}

	@Test
	void timestampTooFarAheadIsRefused() {
		long signedAt = NOW.plus(Duration.ofHours(1)).plusMillis(1).toEpochMilli();
		post(WebhookClient.signedUrl(this.signed.webhook(), SECRET, signedAt)).assertRefusedWith(310000,
				"invalid timestamp");
	}

	@Test
	void timestampInSecondsIsRefused() {
		long seconds = NOW.getEpochSecond();
		post(WebhookClient.signedUrl(this.signed.webhook(), SECRET, seconds)).assertRefusedWith(310000,
				"invalid timestamp");
	}

	@Test
	void robotWithoutSecretAcceptsUnsignedRequests() {
		EmulatedRobot open = this.emulator.registerRobot("open", "token-open");
		assertThat(post(open.webhook()).errcode()).isZero();
		assertThat(open.receivedMessages()).singleElement()
			.satisfies((message) -> assertThat(message.signed()).isFalse());
	}

	@Test
	void removingTheSecretAcceptsUnsignedRequests() {
		this.signed.secret(null);
		assertThat(post(this.signed.webhook()).errcode()).isZero();
	}

	@Test
	void unknownAccessTokenIsRefused() {
		Answer answer = post(this.emulator.webhook("token-unknown"));
		answer.assertRefusedWith(300001, "token is not exist");
		assertThat(this.emulator.requests()).singleElement().satisfies((request) -> {
			assertThat(request.robotName()).isNull();
			assertThat(request.errcode()).isEqualTo(300001);
			assertThat(request.msgtype()).isEqualTo("text");
		});
	}

	@Test
	void missingAccessTokenIsRefused() {
		post(this.emulator.baseUrl()).assertRefusedWith(300001, "token is not exist");
	}

	@Test
	void messageWithoutAKeywordIsRefused() {
		Answer answer = WebhookClient.post(this.guarded.webhook(), WebhookClient.text("disk full"));
		answer.assertRefusedWith(310000, "keywords not in content");
		assertThat(this.guarded.receivedMessages()).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("messagesWithKeywordInVisibleText")
	void keywordAnywhereInTheVisibleTextIsAccepted(String body) {
		assertThat(WebhookClient.post(this.guarded.webhook(), body).errcode()).isZero();
	}

	static Stream<String> messagesWithKeywordInVisibleText() {
		return Stream.of(WebhookClient.text("磁盘告警: disk full"),
				"{\"msgtype\":\"markdown\",\"markdown\":{\"title\":\"告警\",\"text\":\"disk full\"}}",
				"{\"msgtype\":\"markdown\",\"markdown\":{\"title\":\"disk\",\"text\":\"### alert: full\"}}",
				"{\"msgtype\":\"link\",\"link\":{\"title\":\"disk\",\"text\":\"an alert\",\"messageUrl\":\"https://a.example\"}}",
				"{\"msgtype\":\"actionCard\",\"actionCard\":{\"title\":\"告警\",\"text\":\"disk\","
						+ "\"singleTitle\":\"open\",\"singleURL\":\"https://a.example\"}}",
				"{\"msgtype\":\"feedCard\",\"feedCard\":{\"links\":[{\"title\":\"news\",\"messageURL\":\"https://a.example\","
						+ "\"picURL\":\"https://a.example/1.png\"},{\"title\":\"alert\",\"messageURL\":\"https://b.example\","
						+ "\"picURL\":\"https://b.example/2.png\"}]}}");
	}

	@Test
	void keywordOnlyInALinkUrlIsRefused() {
		String body = "{\"msgtype\":\"link\",\"link\":{\"title\":\"disk\",\"text\":\"full\","
				+ "\"messageUrl\":\"https://a.example/alert\"}}";
		WebhookClient.post(this.guarded.webhook(), body).assertRefusedWith(310000, "keywords not in content");
	}

	@Test
	void signatureIsCheckedBeforeKeywords() {
		this.signed.keywords("告警");
		Answer answer = WebhookClient.post(this.signed.webhook(), WebhookClient.text("disk full"));
		answer.assertRefusedWith(310000, "sign not match");
	}

	private static Answer post(String url) {
		return WebhookClient.post(url, WebhookClient.text("hello"));
	}

}
