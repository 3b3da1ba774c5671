package io.github.dingtalkrobot.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulated OpenAPI of app robots over raw HTTP: tokens that expire on the emulator's
 * clock, and the checks of a send that a correct client never fails.
 */
class OpenApiEmulatorTests {

	private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-11-28T08:00:00Z"));

	private final DingTalkEmulator emulator = DingTalkEmulator.builder().clock(new Clock() {

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			return OpenApiEmulatorTests.this.now.get();
		}

	}).build();

	private EmulatedApp app;

	@BeforeEach
	void start() {
		this.emulator.start();
		this.app = this.emulator.registerApp("dingclient", "app-secret", "dingrobot")
			.conversation("cidGroup==")
			.tokenLifetime(Duration.ofMinutes(10));
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void tokenExpiresOnTheEmulatorsClock() throws Exception {
		String token = token();
		assertThat(send(token, group("sampleText", "{\"content\":\"hi\"}")).statusCode()).isEqualTo(200);
		this.now.set(this.now.get().plus(Duration.ofMinutes(10)));
		HttpResponse<String> expired = send(token, group("sampleText", "{\"content\":\"hi\"}"));
		assertThat(expired.statusCode()).isEqualTo(400);
		assertThat(expired.body()).contains("\"code\":\"InvalidAuthentication\"").contains("\"requestid\":");
		assertThat(this.app.tokenRequests()).isOne();
		assertThat(this.app.groupMessages()).hasSize(1);
	}

	@Test
	void wrongSecretGetsNoToken() throws Exception {
		HttpResponse<String> response = post("/v1.0/oauth2/accessToken", null,
				"{\"appKey\":\"dingclient\",\"appSecret\":\"wrong\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("invalidClientIdOrSecret").doesNotContain("app-secret");
		assertThat(this.app.tokenRequests()).isZero();
	}

	@Test
	void missingParameterOfTheMessageKeyIsNamed() throws Exception {
		HttpResponse<String> response = send(token(), group("sampleMarkdown", "{\"title\":\"t\"}"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"code\":\"MissingParameter\"").contains("msgParam.text");
	}

	@Test
	void unknownMessageKeyIsRefused() throws Exception {
		HttpResponse<String> response = send(token(), group("sampleFeedCard", "{\"title\":\"t\"}"));
		assertThat(response.body()).contains("invalidParameter.msgKey.notExist");
	}

	@Test
	void msgParamMustBeAJsonObjectInAString() throws Exception {
		HttpResponse<String> response = send(token(),
				"{\"robotCode\":\"dingrobot\",\"openConversationId\":\"cidGroup==\",\"msgKey\":\"sampleText\","
						+ "\"msgParam\":\"not json\"}");
		assertThat(response.body()).contains("\"code\":\"InvalidParameter\"");
	}

	@Test
	void moreThanTwentyUsersAreRefused() throws Exception {
		String users = IntStream.rangeClosed(1, 21)
			.mapToObj((i) -> "\"user" + i + "\"")
			.collect(Collectors.joining(",", "[", "]"));
		HttpResponse<String> response = post("/v1.0/robot/oToMessages/batchSend", token(),
				"{\"robotCode\":\"dingrobot\",\"userIds\":" + users
						+ ",\"msgKey\":\"sampleText\",\"msgParam\":\"{\\\"content\\\":\\\"hi\\\"}\"}");
		assertThat(response.body()).contains("invalidParameter.userIds.tooMany");
		assertThat(this.app.userMessages()).isEmpty();
		assertThat(this.app.requests()).last().satisfies((request) -> assertThat(request.userIds()).hasSize(21));
	}

	@Test
	void resetForgetsRequestsAndTokens() throws Exception {
		String token = token();
		this.emulator.reset();
		assertThat(this.app.requests()).isEmpty();
		assertThat(send(token, group("sampleText", "{\"content\":\"hi\"}")).body()).contains("InvalidAuthentication");
	}

	private String token() throws Exception {
		HttpResponse<String> response = post("/v1.0/oauth2/accessToken", null,
				"{\"appKey\":\"dingclient\",\"appSecret\":\"app-secret\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"expireIn\":600");
		Map<?, ?> answer = (Map<?, ?>) StrictJson.parse(response.body());
		return (String) answer.get("accessToken");
	}

	private static String group(String msgKey, String msgParam) {
		return "{\"robotCode\":\"dingrobot\",\"openConversationId\":\"cidGroup==\",\"msgKey\":\"" + msgKey
				+ "\",\"msgParam\":\"" + msgParam.replace("\"", "\\\"") + "\"}";
	}

	private HttpResponse<String> send(String token, String body) throws Exception {
		return post("/v1.0/robot/groupMessages/send", token, body);
	}

	private HttpResponse<String> post(String path, @Nullable String token, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.emulator.openApiBaseUrl() + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("x-acs-dingtalk-access-token", token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
