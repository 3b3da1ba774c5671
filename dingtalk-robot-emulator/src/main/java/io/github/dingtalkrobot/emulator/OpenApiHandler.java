package io.github.dingtalkrobot.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The emulated OpenAPI of app robots: {@code POST /v1.0/oauth2/accessToken},
 * {@code POST /v1.0/robot/groupMessages/send} and
 * {@code POST /v1.0/robot/oToMessages/batchSend}. A send is checked, in order, for an
 * access token the app was issued and that has not expired by the emulator's clock
 * ({@code InvalidAuthentication}), an {@link EmulatedApp#failNext injected fault}, the
 * app's robot code, the group the robot is in or at most 20 user ids, and a known
 * {@code msgKey} whose required parameters are in {@code msgParam}, a JSON object in a
 * string. Errors are answered with an HTTP 4xx status and
 * {@code {"code":"...","requestid":"...","message":"..."}}.
 */
final class OpenApiHandler implements HttpHandler {

	static final String PATH_PREFIX = "/v1.0/";

	static final String TOKEN_PATH = "/v1.0/oauth2/accessToken";

	static final String GROUP_PATH = "/v1.0/robot/groupMessages/send";

	static final String USERS_PATH = "/v1.0/robot/oToMessages/batchSend";

	private static final int MAX_USERS = 20;

	private final Clock clock;

	private final Map<String, EmulatedApp> appsByClientId = new ConcurrentHashMap<>();

	private final Map<String, EmulatedApp> tokenOwners = new ConcurrentHashMap<>();

	private final Queue<OpenApiRequest> unknownAppRequests = new ConcurrentLinkedQueue<>();

	private final AtomicLong sequence = new AtomicLong();

	OpenApiHandler(Clock clock) {
		this.clock = clock;
	}

	EmulatedApp register(String clientId, String clientSecret, String robotCode) {
		Assert.hasText(clientId, "'clientId' must not be empty");
		Assert.hasText(clientSecret, "'clientSecret' must not be empty");
		Assert.hasText(robotCode, "'robotCode' must not be empty");
		EmulatedApp app = this.appsByClientId.computeIfAbsent(clientId,
				(id) -> new EmulatedApp(id, clientSecret, robotCode));
		Assert.isTrue(app.clientSecret().equals(clientSecret) && app.robotCode().equals(robotCode),
				() -> "A DingTalk app with client id '" + clientId + "' is already registered with other settings");
		return app;
	}

	EmulatedApp app(String clientId) {
		EmulatedApp app = this.appsByClientId.get(clientId);
		Assert.isTrue(app != null, () -> "No DingTalk app with client id '" + clientId
				+ "' is registered with the emulator; registered apps: " + this.appsByClientId.keySet());
		return app;
	}

	List<OpenApiRequest> unknownAppRequests() {
		return List.copyOf(this.unknownAppRequests);
	}

	void reset() {
		this.unknownAppRequests.clear();
		this.tokenOwners.clear();
		this.appsByClientId.values().forEach(EmulatedApp::reset);
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		RobotSendHandler.send(exchange, respond(exchange, new String(body, StandardCharsets.UTF_8)));
	}

	private EmulatorResponse respond(HttpExchange exchange, String body) {
		String path = exchange.getRequestURI().getPath();
		if (!List.of(TOKEN_PATH, GROUP_PATH, USERS_PATH).contains(path)) {
			return EmulatorResponse.htmlPage(404);
		}
		if (!"POST".equals(exchange.getRequestMethod())) {
			exchange.getResponseHeaders().set("Allow", "POST");
			return EmulatorResponse.htmlPage(405);
		}
		Map<String, @Nullable Object> json = object(body);
		Instant now = this.clock.instant();
		long id = this.sequence.incrementAndGet();
		if (path.equals(TOKEN_PATH)) {
			return token(json, now, id);
		}
		String token = exchange.getRequestHeaders().getFirst("x-acs-dingtalk-access-token");
		EmulatedApp app = (token != null) ? this.tokenOwners.get(token) : null;
		SendRequest send = SendRequest.of(path, json);
		OpenApiError error = (app == null || !app.isValid(token, now)) ? OpenApiError.INVALID_TOKEN : check(app, send);
		OpenApiRequest recorded = send.recorded(now, path, (app != null) ? app.clientId() : null,
				(error != null) ? error.status() : 200, (error != null) ? error.code() : null);
		record(app, recorded);
		if (error != null) {
			return error.response(id);
		}
		String extra = path.equals(USERS_PATH) ? ",\"invalidStaffIdList\":[],\"flowControlledStaffIdList\":[]" : "";
		return json("{\"processQueryKey\":\"emulated-" + id + "\"" + extra + "}");
	}

	private EmulatorResponse token(Map<String, @Nullable Object> json, Instant now, long id) {
		EmulatedApp app = (json.get("appKey") instanceof String clientId) ? this.appsByClientId.get(clientId) : null;
		boolean valid = app != null && app.clientSecret().equals(json.get("appSecret"));
		record(app,
				new OpenApiRequest(now, TOKEN_PATH, (app != null) ? app.clientId() : null, null, null, List.of(), null,
						null, Map.of(), valid ? 200 : OpenApiError.INVALID_CLIENT.status(),
						valid ? null : OpenApiError.INVALID_CLIENT.code()));
		if (!valid) {
			return OpenApiError.INVALID_CLIENT.response(id);
		}
		String token = "emulated-token-" + UUID.randomUUID();
		this.tokenOwners.put(token, app);
		Duration lifetime = app.issue(token, now);
		return json("{\"accessToken\":\"" + token + "\",\"expireIn\":" + lifetime.getSeconds() + "}");
	}

	private @Nullable OpenApiError check(EmulatedApp app, SendRequest send) {
		OpenApiError fault = app.nextFault();
		if (fault != null) {
			return fault;
		}
		if (send.robotCode() == null) {
			return OpenApiError.missingParameter("robotCode");
		}
		if (!send.robotCode().equals(app.robotCode())) {
			return OpenApiError.UNKNOWN_ROBOT;
		}
		OpenApiError recipients = send.path().equals(GROUP_PATH) ? checkGroup(app, send) : checkUsers(send);
		if (recipients != null) {
			return recipients;
		}
		if (send.msgKey() == null) {
			return OpenApiError.missingParameter("msgKey");
		}
		if (send.msgParam() == null) {
			return OpenApiError.invalidParameter("msgParam");
		}
		return OpenApiMessageKeys.check(send.msgKey(), send.msgParam());
	}

	private static @Nullable OpenApiError checkGroup(EmulatedApp app, SendRequest send) {
		if (send.openConversationId() == null) {
			return OpenApiError.missingParameter("openConversationId");
		}
		return app.isInConversation(send.openConversationId()) ? null : OpenApiError.UNKNOWN_CONVERSATION;
	}

	private static @Nullable OpenApiError checkUsers(SendRequest send) {
		if (send.userIds().isEmpty()) {
			return OpenApiError.missingParameter("userIds");
		}
		return (send.userIds().size() > MAX_USERS) ? OpenApiError.TOO_MANY_USERS : null;
	}

	private void record(@Nullable EmulatedApp app, OpenApiRequest request) {
		if (app != null) {
			app.record(request);
		}
		else {
			this.unknownAppRequests.add(request);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, @Nullable Object> object(String json) {
		try {
			return (StrictJson.parse(json) instanceof Map<?, ?> map) ? (Map<String, @Nullable Object>) map : Map.of();
		}
		catch (IllegalArgumentException ex) {
			return Map.of();
		}
	}

	private static EmulatorResponse json(String json) {
		return new EmulatorResponse(200, null, null, "application/json;charset=utf-8",
				json.getBytes(StandardCharsets.UTF_8), false, Duration.ZERO);
	}

	/**
	 * The fields of a send, as far as they have the expected types.
	 */
	private record SendRequest(String path, @Nullable String robotCode, @Nullable String openConversationId,
			List<String> userIds, @Nullable String msgKey, @Nullable String msgParamJson,
			@Nullable Map<String, @Nullable Object> msgParam) {

		static SendRequest of(String path, Map<String, @Nullable Object> json) {
			List<String> userIds = (json.get("userIds") instanceof List<?> list)
					? list.stream().filter(String.class::isInstance).map(String.class::cast).toList() : List.of();
			String msgParamJson = (json.get("msgParam") instanceof String text) ? text : null;
			return new SendRequest(path, string(json, "robotCode"), string(json, "openConversationId"), userIds,
					string(json, "msgKey"), msgParamJson, (msgParamJson != null) ? parsed(msgParamJson) : null);
		}

		private static @Nullable Map<String, @Nullable Object> parsed(String text) {
			Map<String, @Nullable Object> object = object(text);
			return (object.isEmpty() && !text.strip().equals("{}")) ? null : object;
		}

		private static @Nullable String string(Map<String, @Nullable Object> json, String name) {
			return (json.get(name) instanceof String value && !value.isBlank()) ? value : null;
		}

		OpenApiRequest recorded(Instant time, String path, @Nullable String clientId, int status,
				@Nullable String code) {
			return new OpenApiRequest(time, path, clientId, this.robotCode, this.openConversationId, this.userIds,
					this.msgKey, this.msgParamJson, (this.msgParam != null) ? this.msgParam : Map.of(), status, code);
		}

	}

}
