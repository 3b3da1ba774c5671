package io.github.dingtalkrobot.emulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests that a {@link DingTalkEmulator} keeps access tokens, secrets and signatures out
 * of its logs and {@code toString()}s.
 */
@ExtendWith(OutputCaptureExtension.class)
class DingTalkEmulatorSecretsTests {

	private static final String TOKEN = "token-0f3a9c";

	private static final String SECRET = "SECd41d8cd98f00b204e9800998ecf8427e";

	private static final Instant NOW = Instant.parse("2025-11-28T08:00:00Z");

	private final Logger logger = (Logger) LoggerFactory.getLogger("io.github.dingtalkrobot.emulator");

	private final DingTalkEmulator emulator = DingTalkEmulator.builder()
		.clock(Clock.fixed(NOW, ZoneOffset.UTC))
		.build();

	@BeforeEach
	void logEverything() {
		this.logger.setLevel(Level.TRACE);
	}

	@AfterEach
	void restoreLogging() {
		this.emulator.close();
		this.logger.setLevel(null);
	}

	@Test
	void logsAndToStringsNameRobotsButNeverTokensSecretsOrSignatures(CapturedOutput output) {
		EmulatedRobot robot = this.emulator.registerRobot("ops", TOKEN).secret(SECRET);
		this.emulator.start();
		String sign = WebhookClient.sign(SECRET, NOW.toEpochMilli());
		String signedUrl = WebhookClient.signedUrl(robot.webhook(), SECRET, NOW.toEpochMilli());
		WebhookClient.post(signedUrl, WebhookClient.text("hi"));
		WebhookClient.post(robot.webhook(), WebhookClient.text("unsigned"));
		WebhookClient.post(this.emulator.webhook("token-unknown-7b2e"), WebhookClient.text("lost"));
		robot.failNext(1).withDroppedConnection();
		assertThatIOException()
			.isThrownBy(() -> WebhookClient.send(WebhookClient.request(signedUrl, WebhookClient.text("dropped"))));
		String everything = output.getAll() + this.emulator + robot + this.emulator.requests();
		assertThat(everything).contains("robot=ops").contains("errcode=310000").contains("DingTalk emulator listening");
		assertThat(everything).doesNotContain(TOKEN)
			.doesNotContain("token-unknown-7b2e")
			.doesNotContain(SECRET)
			.doesNotContain(sign)
			.doesNotContain(URLEncoder.encode(sign, StandardCharsets.UTF_8))
			.doesNotContain("access_token");
	}

}
