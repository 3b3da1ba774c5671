package io.github.dingtalkrobot.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A robot registered with a {@link DingTalkEmulator}: its security settings, the faults
 * it is told to inject and the requests it received. Thread-safe: requests for one robot
 * are handled one at a time, in arrival order.
 *
 * @see DingTalkEmulator#registerRobot(String, String)
 */
public final class EmulatedRobot {

	private static final int MAX_KEYWORDS = 10;

	private final DingTalkEmulator emulator;

	private final String name;

	private final String accessToken;

	private volatile @Nullable String secret;

	private volatile List<String> keywords = List.of();

	private volatile IpAllowlist allowlist = IpAllowlist.ANY;

	private final Object monitor = new Object();

	private final RollingRateLimit rateLimit = new RollingRateLimit();

	private final FaultQueue faults = new FaultQueue();

	private final List<RecordedRequest> requests = new ArrayList<>();

	private int rateViolations;

	EmulatedRobot(DingTalkEmulator emulator, String name, String accessToken) {
		this.emulator = emulator;
		this.name = name;
		this.accessToken = accessToken;
	}

	/**
	 * Return the robot's name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the robot's access token.
	 * @return the access token
	 */
	public String accessToken() {
		return this.accessToken;
	}

	/**
	 * Return the robot's webhook URL on the running emulator.
	 * @return the webhook URL
	 * @throws IllegalStateException if the emulator is not running
	 */
	public String webhook() {
		return this.emulator.webhook(this.accessToken);
	}

	/**
	 * Return the secret every request must be signed with.
	 * @return the secret, or {@code null} when requests need no signature
	 */
	public @Nullable String secret() {
		return this.secret;
	}

	/**
	 * Require every request to be signed with a secret (DingTalk's 加签 security setting),
	 * or stop requiring it.
	 * @param secret the secret, or {@code null} to accept unsigned requests
	 * @return this robot
	 */
	public EmulatedRobot secret(@Nullable String secret) {
		Assert.isTrue(secret == null || !secret.isEmpty(), "'secret' must not be empty");
		this.secret = secret;
		return this;
	}

	/**
	 * Return the keywords a message must contain one of.
	 * @return the keywords, empty when any message will do
	 */
	public List<String> keywords() {
		return this.keywords;
	}

	/**
	 * Require every message to contain at least one of some keywords (DingTalk's
	 * custom-keyword security setting), replacing any set before. No keywords accepts any
	 * message.
	 * @param keywords at most 10 keywords
	 * @return this robot
	 */
	public EmulatedRobot keywords(String... keywords) {
		Assert.isTrue(keywords.length <= MAX_KEYWORDS, "DingTalk allows at most " + MAX_KEYWORDS + " keywords");
		Assert.noNullElements(keywords, "'keywords' must not contain null elements");
		Assert.isTrue(Arrays.stream(keywords).noneMatch(String::isEmpty), "'keywords' must not contain empty elements");
		this.keywords = List.of(keywords);
		return this;
	}

	/**
	 * Return the addresses and CIDR ranges requests must come from.
	 * @return the allowlist, empty when any address will do
	 */
	public List<String> allowedAddresses() {
		return this.allowlist.entries();
	}

	/**
	 * Accept requests only from some IP addresses or CIDR ranges (DingTalk's IP address
	 * security setting), replacing any set before. A request from elsewhere is answered
	 * {@code 310000 ip X not in whitelist}. No addresses accepts any address. The
	 * emulator listens on {@code 127.0.0.1}, so its clients come from there.
	 * @param addresses IPv4 or IPv6 addresses, such as {@code 127.0.0.1} or {@code ::1},
	 * and CIDR ranges, such as {@code 10.0.0.0/8} or {@code fd00::/8}
	 * @return this robot
	 * @throws IllegalArgumentException if an entry is neither an address nor a range
	 */
	public EmulatedRobot allowedAddresses(String... addresses) {
		Assert.noNullElements(addresses, "'addresses' must not contain null elements");
		this.allowlist = IpAllowlist.of(addresses);
		return this;
	}

	/**
	 * Inject a fault into the answers to the next requests; afterwards the robot behaves
	 * normally again. Faults asked for one after another are injected in that order. Each
	 * injected fault is {@link RecordedRequest#fault() recorded}. A count of
	 * {@link Integer#MAX_VALUE} fails every request from now on, until {@link #reset()}.
	 * @param count how many requests to fail
	 * @return a specification of the fault
	 */
	public FaultSpec failNext(int count) {
		Assert.isTrue(count > 0, "'count' must be positive");
		return new FaultSpec(this, count);
	}

	/**
	 * Return how many requests will still get an injected fault.
	 * @return the number of pending faults
	 */
	public int pendingFaults() {
		synchronized (this.monitor) {
			return this.faults.pending();
		}
	}

	/**
	 * Return every request the robot received, in arrival order.
	 * @return the requests
	 */
	public List<RecordedRequest> requests() {
		synchronized (this.monitor) {
			return List.copyOf(this.requests);
		}
	}

	/**
	 * Return the messages DingTalk would have posted to the group, in arrival order.
	 * @return the delivered requests
	 */
	public List<RecordedRequest> receivedMessages() {
		return requests().stream().filter(RecordedRequest::delivered).toList();
	}

	/**
	 * Return how many requests were refused with {@code errcode} 130101 because they
	 * exceeded the rate limit or arrived while the robot was throttled.
	 * @return the number of rate violations
	 */
	public int rateViolations() {
		synchronized (this.monitor) {
			return this.rateViolations;
		}
	}

	/**
	 * Return whether the robot is throttled now, by the emulator's clock, after exceeding
	 * the rate limit.
	 * @return whether requests are refused with {@code errcode} 130101
	 */
	public boolean isThrottled() {
		synchronized (this.monitor) {
			return this.rateLimit.isThrottled(this.emulator.clock().instant());
		}
	}

	/**
	 * Forget the robot's requests, rate limit state and pending faults. Its access token,
	 * secret and keywords stay.
	 */
	public void reset() {
		synchronized (this.monitor) {
			this.requests.clear();
			this.rateLimit.reset();
			this.faults.clear();
			this.rateViolations = 0;
		}
	}

	void addFault(Fault fault, int count) {
		synchronized (this.monitor) {
			this.faults.add(fault, count);
		}
	}

	RecordedRequest exchange(WebhookRequest request, RobotMessage message) {
		synchronized (this.monitor) {
			Instant now = this.emulator.clock().instant();
			Fault fault = this.faults.next();
			EmulatorResponse response = (fault != null && fault.replacement() != null) ? fault.replacement()
					: answer(request, message, now);
			if (fault != null) {
				response = response.heldBy(fault);
			}
			RecordedRequest recorded = new RecordedRequest(this.emulator.nextSequence(), this.name, now, request,
					message, response, (fault != null) ? fault.kind() : null);
			this.requests.add(recorded);
			return recorded;
		}
	}

	private EmulatorResponse answer(WebhookRequest request, RobotMessage message, Instant now) {
		if (!this.allowlist.allows(request.remoteAddress())) {
			return EmulatorResponse.answer(DingTalkError.IP_NOT_IN_WHITELIST.errcode(),
					"ip " + request.remoteAddress().getHostAddress() + " not in whitelist");
		}
		if (this.rateLimit.isThrottled(now)) {
			return rateViolation();
		}
		String secret = this.secret;
		DingTalkError signatureError = (secret != null) ? WebhookSignature.verify(secret, request, now) : null;
		if (signatureError != null) {
			return EmulatorResponse.answer(signatureError);
		}
		EmulatorResponse rejection = message.rejection();
		if (rejection != null) {
			return rejection;
		}
		if (!message.containsAnyOf(this.keywords)) {
			return EmulatorResponse.answer(DingTalkError.KEYWORDS_NOT_IN_CONTENT);
		}
		if (!this.rateLimit.tryAcquire(now)) {
			return rateViolation();
		}
		return EmulatorResponse.answer(DingTalkError.OK);
	}

	private EmulatorResponse rateViolation() {
		this.rateViolations++;
		return EmulatorResponse.answer(DingTalkError.SEND_TOO_FAST);
	}

	@Override
	public String toString() {
		return "EmulatedRobot[name=" + this.name + ", signed=" + (this.secret != null) + ", keywords=" + this.keywords
				+ ", allowedAddresses=" + this.allowlist + "]";
	}

}
