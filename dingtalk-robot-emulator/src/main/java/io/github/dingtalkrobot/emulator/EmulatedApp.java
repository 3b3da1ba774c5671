package io.github.dingtalkrobot.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * An enterprise-internal app registered with a {@link DingTalkEmulator}, with its robot:
 * the groups the robot is in, the access tokens issued to the app, the faults it is told
 * to inject and the OpenAPI requests it received. Thread-safe.
 *
 * @see DingTalkEmulator#registerApp(String, String, String)
 */
public final class EmulatedApp {

	private static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(7200);

	private final String clientId;

	private final String clientSecret;

	private final String robotCode;

	private final Set<String> conversations = ConcurrentHashMap.newKeySet();

	private final Map<String, Instant> tokenExpiries = new ConcurrentHashMap<>();

	private final Queue<OpenApiError> faults = new ConcurrentLinkedQueue<>();

	private final List<OpenApiRequest> requests = new CopyOnWriteArrayList<>();

	private final AtomicInteger tokenRequests = new AtomicInteger();

	private volatile Duration tokenLifetime = DEFAULT_TOKEN_LIFETIME;

	EmulatedApp(String clientId, String clientSecret, String robotCode) {
		this.clientId = clientId;
		this.clientSecret = clientSecret;
		this.robotCode = robotCode;
	}

	/**
	 * Return the app's client id (AppKey).
	 * @return the client id
	 */
	public String clientId() {
		return this.clientId;
	}

	/**
	 * Return the app's client secret (AppSecret).
	 * @return the client secret
	 */
	public String clientSecret() {
		return this.clientSecret;
	}

	/**
	 * Return the code of the app's robot.
	 * @return the robot code
	 */
	public String robotCode() {
		return this.robotCode;
	}

	/**
	 * Add the robot to a group, so that group messages to it are accepted.
	 * @param openConversationId the group's {@code openConversationId}
	 * @return this app
	 */
	public EmulatedApp conversation(String openConversationId) {
		Assert.hasText(openConversationId, "'openConversationId' must not be empty");
		this.conversations.add(openConversationId);
		return this;
	}

	/**
	 * Set how long the access tokens issued from now on are valid, by the emulator's
	 * clock; 7,200 seconds unless set.
	 * @param tokenLifetime the lifetime, at least one second
	 * @return this app
	 */
	public EmulatedApp tokenLifetime(Duration tokenLifetime) {
		Assert.isTrue(tokenLifetime.getSeconds() >= 1, "'tokenLifetime' must be at least one second");
		this.tokenLifetime = tokenLifetime;
		return this;
	}

	/**
	 * Revoke every access token issued to the app, so that the next send is refused with
	 * {@code InvalidAuthentication}.
	 */
	public void revokeTokens() {
		this.tokenExpiries.clear();
	}

	/**
	 * Answer the app's next send, once it passed the token check, with an error instead.
	 * @param status the HTTP status, such as 429
	 * @param code the error body's {@code code}, such as {@code Throttling.Api}
	 * @param message the error body's {@code message}
	 * @return this app
	 */
	public EmulatedApp failNext(int status, String code, String message) {
		this.faults.add(new OpenApiError(status, code, message));
		return this;
	}

	/**
	 * Return how many access tokens the app requested successfully.
	 * @return the number of token requests answered with a token
	 */
	public int tokenRequests() {
		return this.tokenRequests.get();
	}

	/**
	 * Return every OpenAPI request made with the app's credentials or tokens, in arrival
	 * order, whatever it was answered.
	 * @return the requests
	 */
	public List<OpenApiRequest> requests() {
		return List.copyOf(this.requests);
	}

	/**
	 * Return the group messages the robot posted.
	 * @return the accepted requests to {@code groupMessages/send}
	 */
	public List<OpenApiRequest> groupMessages() {
		return accepted(OpenApiHandler.GROUP_PATH);
	}

	/**
	 * Return the one-to-one sends of the robot, one per request.
	 * @return the accepted requests to {@code oToMessages/batchSend}
	 */
	public List<OpenApiRequest> userMessages() {
		return accepted(OpenApiHandler.USERS_PATH);
	}

	private List<OpenApiRequest> accepted(String path) {
		return this.requests.stream().filter((request) -> request.accepted() && request.path().equals(path)).toList();
	}

	boolean isInConversation(String openConversationId) {
		return this.conversations.contains(openConversationId);
	}

	Duration issue(String token, Instant now) {
		Duration lifetime = this.tokenLifetime;
		this.tokenExpiries.put(token, now.plus(lifetime));
		this.tokenRequests.incrementAndGet();
		return lifetime;
	}

	boolean isValid(String token, Instant now) {
		Instant expiry = this.tokenExpiries.get(token);
		return expiry != null && now.isBefore(expiry);
	}

	@Nullable OpenApiError nextFault() {
		return this.faults.poll();
	}

	void record(OpenApiRequest request) {
		this.requests.add(request);
	}

	void reset() {
		this.requests.clear();
		this.faults.clear();
		this.tokenExpiries.clear();
		this.tokenRequests.set(0);
	}

	@Override
	public String toString() {
		return "EmulatedApp[clientId=" + this.clientId + ", robotCode=" + this.robotCode + ", conversations="
				+ this.conversations + "]";
	}

}
