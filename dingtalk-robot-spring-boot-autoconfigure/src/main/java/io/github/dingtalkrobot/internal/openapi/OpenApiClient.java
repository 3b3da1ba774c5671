package io.github.dingtalkrobot.internal.openapi;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.dingtalkrobot.DingTalkException;
import io.github.dingtalkrobot.DingTalkMessageTooLargeException;
import io.github.dingtalkrobot.DingTalkOpenApiException;
import io.github.dingtalkrobot.DingTalkRateLimitedException;
import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.DingTalkTransportException;
import io.github.dingtalkrobot.internal.webhook.SecretRedactor;
import io.github.dingtalkrobot.internal.webhook.TransportFailures;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Performs the OpenAPI exchanges of one app robot: fetches its app's access token, which
 * the robots of one app share, sends to its group ({@code groupMessages/send}) and to
 * people one by one ({@code oToMessages/batchSend}), and turns the answers into a
 * {@link DingTalkResponse} or a typed exception. A request rejected for its access token
 * is sent once more with a new token. Nothing thrown reveals the app secret or an access
 * token.
 *
 * @since 0.1.0
 */
public final class OpenApiClient {

	/**
	 * The most user ids DingTalk accepts in one one-to-one send.
	 */
	public static final int MAX_USERS_PER_REQUEST = 20;

	static final String TOKEN_PATH = "/v1.0/oauth2/accessToken";

	static final String GROUP_PATH = "/v1.0/robot/groupMessages/send";

	static final String USERS_PATH = "/v1.0/robot/oToMessages/batchSend";

	private static final String TOKEN_HEADER = "x-acs-dingtalk-access-token";

	private static final MediaType JSON_UTF_8 = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);

	// DingTalk's gateway answers an unknown or expired token with InvalidAuthentication
	private static final Set<String> REJECTED_TOKEN = Set.of("InvalidAuthentication", "InvalidAccessToken");

	private final String robotName;

	private final AppCredentials credentials;

	private final String baseUrl;

	private final Clock clock;

	private final RestClient restClient;

	private final AccessTokens tokens;

	/**
	 * Create a client for one app robot.
	 * @param robotName the name of the robot
	 * @param credentials the app's credentials and the robot's code
	 * @param baseUrl the OpenAPI's base URL, such as {@code https://api.dingtalk.com}
	 * @param clock the clock that access tokens expire by
	 * @param restClientBuilder the robot's own builder
	 * @param tokens the cached access tokens, shared by the robots of one app
	 */
	public OpenApiClient(String robotName, AppCredentials credentials, String baseUrl, Clock clock,
			RestClient.Builder restClientBuilder, AppAccessTokens tokens) {
		this.robotName = robotName;
		this.credentials = credentials;
		this.baseUrl = validBaseUrl(baseUrl);
		this.clock = clock;
		this.restClient = restClientBuilder.build();
		this.tokens = tokens.forApp(this.baseUrl, credentials, clock, this::fetchToken);
	}

	private static String validBaseUrl(String baseUrl) {
		URI uri;
		try {
			uri = URI.create(baseUrl);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("'openApiBaseUrl' must be an http or https URL");
		}
		if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
				|| uri.getHost() == null) {
			throw new IllegalArgumentException("'openApiBaseUrl' must be an http or https URL");
		}
		return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/**
	 * Send a message to the robot's group.
	 * @param message the message
	 * @return DingTalk's answer, with {@code errcode 0}
	 * @throws DingTalkException if the message was not delivered
	 * @throws IllegalStateException if the robot has no group
	 */
	public DingTalkResponse sendToGroup(OpenApiMessage message) {
		String conversationId = this.credentials.conversationId();
		if (conversationId == null) {
			throw new IllegalStateException("DingTalk app robot '" + this.robotName
					+ "' has no conversation id, so it sends to people only: use sendToUsers, or set its "
					+ "conversation id");
		}
		Map<String, Object> body = body(message);
		body.put("openConversationId", conversationId);
		return send(GROUP_PATH, body, message);
	}

	/**
	 * Send a message to at most {@value #MAX_USERS_PER_REQUEST} people.
	 * @param userIds the people's user ids
	 * @param message the message
	 * @return DingTalk's answer, with {@code errcode 0}
	 * @throws DingTalkException if the message was not delivered
	 */
	public DingTalkResponse sendToUsers(List<String> userIds, OpenApiMessage message) {
		Map<String, Object> body = body(message);
		body.put("userIds", userIds);
		return send(USERS_PATH, body, message);
	}

	/**
	 * Return whether the robot sends to a group.
	 * @return whether it has a conversation id
	 */
	public boolean hasGroup() {
		return this.credentials.conversationId() != null;
	}

	private Map<String, Object> body(OpenApiMessage message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("robotCode", this.credentials.robotCode());
		body.put("msgKey", message.msgKey());
		body.put("msgParam", message.msgParam());
		return body;
	}

	private DingTalkResponse send(String path, Map<String, Object> body, OpenApiMessage message) {
		int size = message.msgParamBytes();
		if (size > OpenApiMessage.MAX_MSG_PARAM_BYTES) {
			throw new DingTalkMessageTooLargeException(this.robotName, size, OpenApiMessage.MAX_MSG_PARAM_BYTES);
		}
		String token = this.tokens.current();
		try {
			post(path, body, token);
		}
		catch (RejectedTokenException ex) {
			try {
				post(path, body, this.tokens.replace(token));
			}
			catch (RejectedTokenException again) {
				throw again.rejection();
			}
		}
		return new DingTalkResponse(0, "ok");
	}

	private OpenApiAnswer post(String path, Object body, @Nullable String token) {
		URI uri = UriComponentsBuilder.fromUriString(this.baseUrl + path).build().toUri();
		SecretRedactor redactor = new SecretRedactor(this.credentials.clientSecret(), token);
		try {
			return this.restClient.post().uri(uri).headers((headers) -> {
				if (token != null) {
					headers.set(TOKEN_HEADER, token);
				}
			})
				.contentType(JSON_UTF_8)
				.accept(MediaType.APPLICATION_JSON)
				.body(body)
				.exchange((request, response) -> answer(response, token != null, redactor));
		}
		catch (ResourceAccessException ex) {
			boolean neverSent = TransportFailures.neverSent(ex);
			throw new DingTalkTransportException(this.robotName,
					"I/O error on the OpenAPI of DingTalk app robot '" + this.robotName + "', "
							+ (neverSent ? "the request was not sent" : "the message may have been delivered") + ": "
							+ describe(ex.getCause(), redactor),
					null, neverSent, !neverSent, redactor.safeCause(ex.getCause()));
		}
		catch (RestClientException | HttpMessageConversionException ex) {
			throw new DingTalkTransportException(this.robotName, "Failed to call the OpenAPI for DingTalk app robot '"
					+ this.robotName + "': " + describe(ex, redactor), null, false, true, redactor.safeCause(ex));
		}
	}

	private OpenApiAnswer answer(ConvertibleClientHttpResponse response, boolean withToken, SecretRedactor redactor)
			throws IOException {
		HttpStatusCode status = response.getStatusCode();
		OpenApiAnswer answer = read(response);
		if (status.is2xxSuccessful() && answer != null) {
			return answer;
		}
		boolean retryable = status.is5xxServerError() || status.value() == HttpStatus.TOO_MANY_REQUESTS.value();
		if (answer == null || answer.code() == null) {
			throw new DingTalkTransportException(this.robotName,
					"DingTalk's OpenAPI answered HTTP " + status.value() + " to app robot '" + this.robotName
							+ "' without its JSON (content type " + response.getHeaders().getContentType() + ")",
					status.value(), retryable, status.is2xxSuccessful(), null);
		}
		String code = answer.code();
		String message = (answer.message() != null) ? redactor.redact(answer.message()) : "";
		if (withToken && REJECTED_TOKEN.contains(code)) {
			throw new RejectedTokenException(
					new DingTalkOpenApiException(this.robotName, status.value(), code, message));
		}
		if (status.value() == HttpStatus.TOO_MANY_REQUESTS.value() || code.startsWith("Throttling")
				|| code.contains("QpsLimit")) {
			throw new DingTalkRateLimitedException(this.robotName, status.value(), code + ": " + message);
		}
		throw new DingTalkOpenApiException(this.robotName, status.value(), code, message);
	}

	private static @Nullable OpenApiAnswer read(ConvertibleClientHttpResponse response) {
		try {
			return response.bodyTo(OpenApiAnswer.class);
		}
		catch (RestClientException | HttpMessageConversionException ex) {
			return null;
		}
	}

	private AccessTokens.Token fetchToken() {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("appKey", this.credentials.clientId());
		body.put("appSecret", this.credentials.clientSecret());
		OpenApiAnswer answer = post(TOKEN_PATH, body, null);
		if (answer.accessToken() == null || answer.expireIn() == null || answer.expireIn() <= 0) {
			throw new DingTalkTransportException(this.robotName, "DingTalk's OpenAPI answered the access token "
					+ "request of app robot '" + this.robotName + "' without a token", 200, false, false, null);
		}
		return AccessTokens.Token.of(answer.accessToken(), this.clock.instant(), Duration.ofSeconds(answer.expireIn()));
	}

	private static String describe(@Nullable Throwable failure, SecretRedactor redactor) {
		if (failure == null) {
			return "unknown error";
		}
		String message = failure.getMessage();
		String type = failure.getClass().getSimpleName();
		return (message != null) ? type + ": " + redactor.redact(message) : type;
	}

	@Override
	public String toString() {
		return "OpenApiClient[robot=" + this.robotName + ", app=" + this.credentials + "]";
	}

	/**
	 * DingTalk rejected the access token of a request: sent once more with a new one.
	 */
	private static final class RejectedTokenException extends RuntimeException {

		private final DingTalkOpenApiException rejection;

		private RejectedTokenException(DingTalkOpenApiException rejection) {
			super(rejection.getMessage(), null, false, false);
			this.rejection = rejection;
		}

		DingTalkOpenApiException rejection() {
			return this.rejection;
		}

	}

}
