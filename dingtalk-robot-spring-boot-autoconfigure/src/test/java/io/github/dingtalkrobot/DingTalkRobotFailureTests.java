package io.github.dingtalkrobot;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.emulator.WebhookClient;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every way a send can fail gives the right exception, and none of them, nor the log,
 * reveals the robot's access token, secret or signature.
 */
@ExtendWith(OutputCaptureExtension.class)
class DingTalkRobotFailureTests {

	private static final String TOKEN = "7f3a9c1e5b2d4680tokenvalue";

	private static final String SECRET = "SEC5e1c2b3a4d5f60718293secretvalue";

	private static final long NOW = 1732780800123L;

	private static final String SIGN = WebhookClient.sign(SECRET, NOW);

	@AutoClose
	final DingTalkEmulator emulator = DingTalkEmulator.builder().build().start();

	private final EmulatedRobot dingtalk = this.emulator.registerRobot("ops", TOKEN);

	@ParameterizedTest(name = "errcode {0}")
	@CsvSource({ "310000, false", "300001, false", "460101, false", "-1, true" })
	void nonZeroErrcodeThrowsApiException(int errcode, boolean retryable, CapturedOutput output) {
		this.dingtalk.failNext(1)
			.withBody(200, "application/json", "{\"errcode\":" + errcode + ",\"errmsg\":\"refused\"}");
		DingTalkApiException ex = catchThrowableOfType(DingTalkApiException.class, this::send);
		assertThat(ex).isExactlyInstanceOf(DingTalkApiException.class);
		assertThat(ex.robotName()).isEqualTo("ops");
		assertThat(ex.errorCode()).isEqualTo(errcode);
		assertThat(ex.errorMessage()).isEqualTo("refused");
		assertThat(ex.isRetryable()).isEqualTo(retryable);
		assertThat(ex).hasMessageContaining("'ops'").hasMessageContaining(String.valueOf(errcode));
		assertThat(output).contains("could not send msgtype text: errcode " + errcode);
		assertNoSecrets(ex, output);
	}

	@ParameterizedTest(name = "errcode {0}")
	@CsvSource({ "130101", "410100" })
	void rateLimitErrcodeThrowsRateLimitedExceptionToRetryLater(int errcode, CapturedOutput output) {
		// A real throttled answer carried these extra fields, which must not matter
		this.dingtalk.failNext(1)
			.withBody(200, "application/json", "{\"errcode\":" + errcode
					+ ",\"errmsg\":\"send too fast\",\"status\":1111,\"wait\":5,\"punish\":\"deny\"}");
		DingTalkRateLimitedException ex = catchThrowableOfType(DingTalkRateLimitedException.class, this::send);
		assertThat(ex.errorCode()).isEqualTo(errcode);
		assertThat(ex.isRetryable()).isFalse();
		assertThat(ex.retryAfter()).isEqualTo(Duration.ofMinutes(10));
		assertNoSecrets(ex, output);
	}

	@Test
	void errmsgEchoingTheTokenIsRedacted(CapturedOutput output) {
		this.dingtalk.failNext(1)
			.withBody(200, "application/json", "{\"errcode\":300001,\"errmsg\":\"token is not exist: " + TOKEN + "\"}");
		DingTalkApiException ex = catchThrowableOfType(DingTalkApiException.class, this::send);
		assertThat(ex.errorMessage()).isEqualTo("token is not exist: ******");
		assertNoSecrets(ex, output);
	}

	@Test
	void unknownResponseFieldsAreIgnoredOnSuccess() {
		this.dingtalk.failNext(1)
			.withBody(200, "application/json;charset=UTF-8", "{\"errmsg\":\"ok\",\"errcode\":0,\"extra\":[1]}");
		assertThat(send()).isEqualTo(new DingTalkResponse(0, "ok"));
	}

	@Test
	void serverErrorThrowsRetryableTransportException(CapturedOutput output) {
		this.dingtalk.failNext(1).withBody(500, "text/plain", "oops");
		DingTalkTransportException ex = catchThrowableOfType(DingTalkTransportException.class, this::send);
		assertThat(ex.statusCode()).hasValue(500);
		assertThat(ex.isRetryable()).isTrue();
		assertThat(ex.mayHaveBeenDelivered()).isFalse();
		assertThat(ex).hasMessageContaining("HTTP 500");
		assertNoSecrets(ex, output);
	}

	@Test
	void clientErrorThrowsTransportExceptionThatIsNotRetryable(CapturedOutput output) {
		this.dingtalk.failNext(1).withBody(404, "text/html", "<html>not found</html>");
		DingTalkTransportException ex = catchThrowableOfType(DingTalkTransportException.class, this::send);
		assertThat(ex.statusCode()).hasValue(404);
		assertThat(ex.isRetryable()).isFalse();
		assertNoSecrets(ex, output);
	}

	@Test
	void htmlPageWithOkStatusThrowsTransportException(CapturedOutput output) {
		this.dingtalk.failNext(1).withBody(200, "text/html", "<html><body>Gateway login</body></html>");
		DingTalkTransportException ex = catchThrowableOfType(DingTalkTransportException.class, this::send);
		assertThat(ex.statusCode()).hasValue(200);
		assertThat(ex.isRetryable()).isFalse();
		assertThat(ex.mayHaveBeenDelivered()).isTrue();
		assertThat(ex).hasMessageContaining("text/html");
		assertNoSecrets(ex, output);
	}

	@Test
	void emptyBodyThrowsTransportException(CapturedOutput output) {
		this.dingtalk.failNext(1).withBody(200, "application/json", "");
		DingTalkTransportException ex = catchThrowableOfType(DingTalkTransportException.class, this::send);
		assertThat(ex.statusCode()).hasValue(200);
		assertThat(ex.isRetryable()).isFalse();
		assertNoSecrets(ex, output);
	}

	@Test
	void jsonWithoutErrcodeThrowsTransportException(CapturedOutput output) {
		this.dingtalk.failNext(1).withBody(200, "application/json", "{\"errmsg\":\"ok\"}");
		DingTalkTransportException ex = catchThrowableOfType(DingTalkTransportException.class, this::send);
		assertThat(ex.statusCode()).hasValue(200);
		assertNoSecrets(ex, output);
	}

	@Test
	void malformedJsonThrowsTransportException(CapturedOutput output) {
		this.dingtalk.failNext(1).withBody(200, "application/json", "{\"errcode\":");
		DingTalkTransportException ex = catchThrowableOfType(DingTalkTransportException.class, this::send);
		assertThat(ex.statusCode()).hasValue(200);
		assertNoSecrets(ex, output);
	}

	@Test
	void refusedConnectionThrowsRetryableTransportExceptionWithRootCause(CapturedOutput output) throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		DingTalkRobot robot = robot().webhook("http://127.0.0.1:" + closedPort + "/robot/send?access_token=" + TOKEN)
			.build();
		DingTalkTransportException ex = catchThrowableOfType(DingTalkTransportException.class,
				() -> robot.sendText("hello"));
		assertThat(ex.statusCode()).isEmpty();
		assertThat(ex.isRetryable()).isTrue();
		assertThat(ex.mayHaveBeenDelivered()).isFalse();
		assertThat(causes(ex)).hasAtLeastOneElementOfType(ConnectException.class);
		assertNoSecrets(ex, output);
	}

	@Test
	void readTimeoutThrowsTransportExceptionThatMayHaveBeenDelivered(CapturedOutput output) {
		CompletableFuture<Void> release = new CompletableFuture<>();
		this.dingtalk.failNext(1).withAnswerHeldUntil(release);
		DingTalkRobot robot = robot().webhook(this.dingtalk.webhook()).readTimeout(Duration.ofMillis(300)).build();
		try {
			DingTalkTransportException ex = catchThrowableOfType(DingTalkTransportException.class,
					() -> robot.sendText("hello"));
			assertThat(ex.statusCode()).isEmpty();
			assertThat(ex.isRetryable()).isFalse();
			assertThat(ex.mayHaveBeenDelivered()).isTrue();
			assertThat(this.dingtalk.requests()).hasSize(1);
			assertNoSecrets(ex, output);
		}
		finally {
			release.complete(null);
		}
	}

	@Test
	void droppedConnectionThrowsTransportExceptionThatMayHaveBeenDeliveredAndSendsOnce(CapturedOutput output) {
		this.dingtalk.failNext(1).withDroppedConnection();
		DingTalkRobot robot = robot().webhook(this.dingtalk.webhook()).delivery(DeliverySettings.defaults()).build();
		DingTalkTransportException ex = catchThrowableOfType(DingTalkTransportException.class,
				() -> robot.sendText("hello"));
		assertThat(ex.mayHaveBeenDelivered()).isTrue();
		assertThat(ex.getMessage()).contains("'ops'", "the message may have been delivered");
		assertThat(this.dingtalk.requests()).hasSize(1);
		assertNoSecrets(ex, output);
	}

	@Test
	void messageOverTwentyThousandBytesIsRefusedBeforeAnythingIsSent(CapturedOutput output) {
		// 7,000 characters, but 21,000 bytes in UTF-8
		String text = "告".repeat(7000);
		DingTalkMessageTooLargeException ex = catchThrowableOfType(DingTalkMessageTooLargeException.class,
				() -> robot().webhook(this.dingtalk.webhook()).build().sendText(text));
		assertThat(ex.size()).isGreaterThan(21000);
		assertThat(ex.limit()).isEqualTo(20000);
		assertThat(this.dingtalk.requests()).isEmpty();
		assertNoSecrets(ex, output);
	}

	@Test
	void messageJustUnderTheLimitIsSent() {
		assertThat(robot().webhook(this.dingtalk.webhook()).build().sendText("a".repeat(19900)).errcode()).isZero();
		assertThat(this.dingtalk.requests()).hasSize(1);
	}

	@Test
	@SuppressWarnings("removal") // the only way to set converters on both Spring 6.2 and
									// 7.0
	void noSpringOrJacksonExceptionEscapesWhenTheJsonEngineIsMissing() {
		DingTalkRobot robot = robot().webhook(this.dingtalk.webhook())
			.restClientBuilder(RestClient.builder()
				.messageConverters((converters) -> converters
					.removeIf((converter) -> !(converter instanceof StringHttpMessageConverter))))
			.build();
		assertThatExceptionOfType(DingTalkTransportException.class).isThrownBy(() -> robot.sendText("hello"));
	}

	private DingTalkResponse send() {
		return robot().webhook(this.dingtalk.webhook()).build().sendText("hello");
	}

	// One exchange each: how failures are retried is for the delivery tests
	private DingTalkRobot.Builder robot() {
		return DingTalkRobot.builder("ops")
			.secret(SECRET)
			.clock(Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC))
			.delivery(DeliverySettings.defaults().withRetry(RetrySettings.none()));
	}

	private static List<Throwable> causes(Throwable ex) {
		List<Throwable> causes = new ArrayList<>();
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			causes.add(cause);
		}
		return causes;
	}

	private static void assertNoSecrets(Throwable ex, CapturedOutput output) {
		StringWriter stackTrace = new StringWriter();
		ex.printStackTrace(new PrintWriter(stackTrace));
		String encodedSign = URLEncoder.encode(SIGN, StandardCharsets.UTF_8);
		for (String text : new String[] { ex.getMessage(), stackTrace.toString(), output.toString() }) {
			assertThat(text).doesNotContain(TOKEN, SECRET, SIGN, encodedSign, "access_token=" + TOKEN);
		}
		assertThat(stackTrace.toString()).contains("robot 'ops'");
	}

}
