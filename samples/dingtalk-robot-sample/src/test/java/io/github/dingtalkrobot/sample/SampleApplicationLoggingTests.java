package io.github.dingtalkrobot.sample;

import java.time.Duration;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.emulator.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample application's alerts from logs: an endpoint that fails with an exception
 * nothing handles, and the alert that the {@code ops} robot posts about it.
 */
// A context of its own: the robots of the other tests' contexts may be throttled
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.startup-examples=false", "dingtalk.logging.enabled=true" })
class SampleApplicationLoggingTests {

	private final Logger rootLogger = ((LoggerContext) LoggerFactory.getILoggerFactory())
		.getLogger(Logger.ROOT_LOGGER_NAME);

	private @Nullable Appender<ILoggingEvent> console;

	// The endpoint fails on purpose: keep its stack trace off the build's console. The
	// console appender is looked up once Spring Boot has configured logging.
	@BeforeEach
	void detachConsole() {
		this.console = this.rootLogger.getAppender("CONSOLE");
		this.rootLogger.detachAppender(this.console);
	}

	@AfterEach
	void attachConsole() {
		if (this.console != null) {
			this.rootLogger.addAppender(this.console);
		}
	}

	@Test
	void failingEndpointIsAlertedThroughTheOpsRobot(@Autowired DingTalkEmulator emulator,
			@Autowired RestClient.Builder builder, @LocalServerPort int port) {
		HttpStatusCode status = builder.baseUrl("http://localhost:" + port)
			.build()
			.post()
			.uri("/orders/{id}/payments", "A-1042")
			.exchange((request, response) -> response.getStatusCode());
		assertThat(status.value()).isEqualTo(500);
		EmulatedRobot ops = emulator.robot("ops");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(ops.receivedMessages()).extracting(RecordedRequest::text)
				.anyMatch((text) -> text.contains("Payment gateway timed out for order A-1042")));
		RecordedRequest alert = ops.receivedMessages()
			.stream()
			.filter((request) -> request.text().contains("Payment gateway timed out"))
			.findFirst()
			.orElseThrow();
		assertThat(alert.msgtype()).isEqualTo("markdown");
		assertThat(alert.signed()).isTrue();
		assertThat(alert.text()).startsWith("#### ERROR in dingtalk-robot-sample")
			.contains("java.lang.IllegalStateException: Payment gateway timed out for order A-1042",
					"io.github.dingtalkrobot.sample.PaymentController.pay(PaymentController.java:");
	}

}
