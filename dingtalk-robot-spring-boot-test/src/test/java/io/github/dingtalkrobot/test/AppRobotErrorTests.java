package io.github.dingtalkrobot.test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;

import io.github.dingtalkrobot.DeliverySettings;
import io.github.dingtalkrobot.DingTalkAppRobot;
import io.github.dingtalkrobot.DingTalkOpenApiException;
import io.github.dingtalkrobot.DingTalkRateLimitedException;
import io.github.dingtalkrobot.DingTalkTransportException;
import io.github.dingtalkrobot.RetrySettings;
import io.github.dingtalkrobot.emulator.MutableClock;
import io.github.dingtalkrobot.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How the OpenAPI's refusals reach the sender of an app robot: as typed exceptions with
 * the HTTP status and the error body's {@code code}, throttling as DingTalk's rate limit,
 * and never with the app secret or an access token in them.
 */
@ExtendWith(OutputCaptureExtension.class)
class AppRobotErrorTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2025-11-28T08:00:00Z"));

	@RegisterExtension
	final AppRobots dingtalk = new AppRobots(this.clock);

	@Test
	void throttlingIsDingTalksRateLimit(CapturedOutput output) {
		this.dingtalk.app().failNext(429, "Throttling.Api", "请求被流控");
		DingTalkAppRobot robot = this.dingtalk.robot();
		assertThatExceptionOfType(DingTalkRateLimitedException.class).isThrownBy(() -> robot.sendText("hi"))
			.satisfies((ex) -> {
				assertThat(ex.errorCode()).isEqualTo(429);
				assertThat(ex.errorMessage()).startsWith("Throttling.Api");
			});
		assertThat(robot.state().pausedUntil()).isNotNull();
		assertThat(output).contains("DingTalk throttled robot 'oncall' with errcode 429");
	}

	@Test
	void qpsLimitIsDingTalksRateLimit(CapturedOutput output) {
		this.dingtalk.app().failNext(403, "Forbidden.AccessDenied.QpsLimitForApi", "qps limit");
		DingTalkAppRobot robot = this.dingtalk.robot();
		assertThatExceptionOfType(DingTalkRateLimitedException.class)
			.isThrownBy(() -> robot.sendToUsers(List.of("user1"), Message.text("hi")))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(403));
		assertThat(output).contains("DingTalk throttled robot 'oncall' with errcode 403");
	}

	@Test
	void unknownRobotCodeIsAnOpenApiError() {
		DingTalkAppRobot robot = this.dingtalk.robot((builder) -> builder.app(AppRobots.CLIENT_ID,
				AppRobots.CLIENT_SECRET, "dingrobot0unknown", AppRobots.CONVERSATION_ID));
		assertOpenApiError(() -> robot.sendText("hi"), 400, "invalidParameter.robotCode.notExist");
	}

	@Test
	void unknownConversationIsAnOpenApiError() {
		DingTalkAppRobot robot = this.dingtalk.robot((builder) -> builder.app(AppRobots.CLIENT_ID,
				AppRobots.CLIENT_SECRET, AppRobots.ROBOT_CODE, "cidNotAMember=="));
		assertOpenApiError(() -> robot.sendText("hi"), 400, "invalidParameter.openConversationId.notExist");
	}

	@Test
	void serverErrorIsRetryable() {
		this.dingtalk.app().failNext(503, "ServiceUnavailable", "服务不可用");
		DingTalkAppRobot robot = this.dingtalk
			.robot((builder) -> builder.delivery(DeliverySettings.defaults().withRetry(RetrySettings.none())));
		assertThatExceptionOfType(DingTalkOpenApiException.class).isThrownBy(() -> robot.sendText("hi"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo("ServiceUnavailable");
				assertThat(ex.isRetryable()).isTrue();
			});
	}

	@Test
	void unreachableOpenApiIsATransportFailure() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		DingTalkAppRobot robot = this.dingtalk
			.robot((builder) -> builder.openApiBaseUrl("http://127.0.0.1:" + closedPort)
				.delivery(DeliverySettings.defaults().withRetry(RetrySettings.none())));
		assertThatExceptionOfType(DingTalkTransportException.class).isThrownBy(() -> robot.sendText("hi"))
			.satisfies((ex) -> {
				assertThat(ex.mayHaveBeenDelivered()).isFalse();
				assertThat(ex.getMessage()).doesNotContain(AppRobots.CLIENT_SECRET);
			});
	}

	@Test
	void errorsNeverRevealTheAppSecret() {
		this.dingtalk.app().failNext(400, "InvalidParameter", "bad request for " + AppRobots.CLIENT_SECRET);
		DingTalkAppRobot robot = this.dingtalk.robot();
		assertThatExceptionOfType(DingTalkOpenApiException.class).isThrownBy(() -> robot.sendText("hi"))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("InvalidParameter")
				.doesNotContain(AppRobots.CLIENT_SECRET));
		assertThat(robot).hasToString("DingTalkAppRobot[name=oncall, clientId=" + AppRobots.CLIENT_ID + ", robotCode="
				+ AppRobots.ROBOT_CODE + ", enabled=true]");
	}

	private static void assertOpenApiError(Runnable send, int status, String code) {
		assertThatExceptionOfType(DingTalkOpenApiException.class).isThrownBy(send::run).satisfies((ex) -> {
			assertThat(ex.errorCode()).isEqualTo(status);
			assertThat(ex.code()).isEqualTo(code);
			assertThat(ex.isRetryable()).isFalse();
			assertThat(ex.robotName()).isEqualTo("oncall");
		});
	}

}
