package io.github.dingtalkrobot;

import java.time.Duration;
import java.time.Instant;

import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.emulator.MutableClock;
import io.github.dingtalkrobot.emulator.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed requests as DingTalk sees them: the emulator checks each signature on its own,
 * within DingTalk's one-hour window around its clock.
 */
class DingTalkRobotSigningTests {

	private static final String SECRET = "SEC90485937c351bfaed41fea8eda5f1e155bbf22842d5f9d6871999e05822fd894";

	private static final Instant NOW = Instant.ofEpochMilli(1614672000000L);

	private final MutableClock clock = new MutableClock(NOW);

	private final DingTalkEmulator emulator = DingTalkEmulator.builder().clock(this.clock).build().start();

	private final EmulatedRobot signed = this.emulator.registerRobot("signed", "abc").secret(SECRET);

	@AfterEach
	void closeEmulator() {
		this.emulator.close();
	}

	@Test
	void signedRequestCarriesTimestampFromClockAndSignThatDecodesOnceToTheSignature() {
		assertThat(robot().sendText("signed").errcode()).isZero();
		assertThat(this.signed.receivedMessages()).singleElement().satisfies((request) -> {
			assertThat(request.signed()).isTrue();
			assertThat(request.receivedAt()).isEqualTo(NOW);
		});
	}

	@Test
	void everyRequestIsSignedAfreshWithTheClocksCurrentTime() {
		DingTalkRobot robot = robot();
		robot.sendText("first");
		// Beyond DingTalk's one-hour window: a signature made for the first request is
		// refused now
		this.clock.advance(Duration.ofHours(2));
		robot.sendText("second");
		assertThat(this.signed.requests()).extracting(RecordedRequest::errcode).containsExactly(0, 0);
		assertThat(this.signed.receivedMessages()).extracting(RecordedRequest::text).containsExactly("first", "second");
	}

	@Test
	void signatureFromAWebhookCopiedWithOldSignatureIsReplaced() {
		DingTalkRobot robot = DingTalkRobot.builder("signed")
			.webhook(this.signed.webhook() + "&timestamp=1&sign=stale")
			.secret(SECRET)
			.clock(this.clock)
			.build();
		// The emulator reads the first of repeated parameters: a stale one left in place
		// would be refused
		assertThat(robot.sendText("signed").errcode()).isZero();
		assertThat(this.signed.receivedMessages()).singleElement()
			.satisfies((request) -> assertThat(request.signed()).isTrue());
	}

	@Test
	void robotWithAccessTokenAndBaseUrlSignsToo() {
		DingTalkRobot robot = DingTalkRobot.builder("signed")
			.accessToken("abc")
			.baseUrl(this.emulator.baseUrl())
			.secret(SECRET)
			.clock(this.clock)
			.build();
		assertThat(robot.sendText("signed").errcode()).isZero();
		assertThat(this.signed.receivedMessages()).singleElement()
			.satisfies((request) -> assertThat(request.signed()).isTrue());
	}

	@Test
	void robotWithoutSecretSendsNoTimestampOrSign() {
		EmulatedRobot unsigned = this.emulator.registerRobot("unsigned", "def");
		DingTalkRobot.builder("unsigned").webhook(unsigned.webhook()).build().sendText("unsigned");
		assertThat(unsigned.receivedMessages()).singleElement()
			.satisfies((request) -> assertThat(request.signed()).isFalse());
	}

	@Test
	void blankSecretMeansUnsigned() {
		EmulatedRobot unsigned = this.emulator.registerRobot("unsigned", "def");
		DingTalkRobot.builder("unsigned").webhook(unsigned.webhook()).secret("").build().sendText("unsigned");
		assertThat(unsigned.receivedMessages()).singleElement()
			.satisfies((request) -> assertThat(request.signed()).isFalse());
	}

	private DingTalkRobot robot() {
		return DingTalkRobot.builder("signed").webhook(this.signed.webhook()).secret(SECRET).clock(this.clock).build();
	}

}
