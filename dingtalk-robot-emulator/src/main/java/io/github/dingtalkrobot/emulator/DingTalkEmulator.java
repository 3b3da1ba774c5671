package io.github.dingtalkrobot.emulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogMessage;
import org.springframework.util.Assert;

/**
 * An in-process stand-in for DingTalk's robot webhook
 * ({@code POST /robot/send?access_token=...}), serving HTTP on 127.0.0.1.
 * <p>
 * Register robots by name and access token, optionally with a secret and keywords, send
 * to their {@link EmulatedRobot#webhook() webhooks}, then inspect what each robot
 * {@link EmulatedRobot#receivedMessages() received}: <pre class="code">
 * try (DingTalkEmulator emulator = DingTalkEmulator.builder().build().start()) {
 *     EmulatedRobot ops = emulator.registerRobot("ops", "token-ops").secret("SEC...").keywords("告警");
 *     // send to ops.webhook() ...
 *     assertThat(ops).receivedMessages().hasSize(1);
 * }</pre>
 * <p>
 * Requests are answered as DingTalk documents, with HTTP 200 and
 * {@code {"errcode":N,"errmsg":"..."}}. The checks, in order, and their answers:
 * <ol>
 * <li>the {@code access_token} belongs to a registered robot, else {@code 300001};</li>
 * <li>a fault {@link EmulatedRobot#failNext(int) injected} for the robot's next request
 * replaces the answer;</li>
 * <li>when the robot has an {@link EmulatedRobot#allowedAddresses(String...) IP
 * allowlist}: the request comes from an address in it, else {@code 310000 ip X not in
 * whitelist};</li>
 * <li>the robot is not throttled, else {@code 130101};</li>
 * <li>when the robot has a secret: {@code timestamp} and {@code sign} are present and
 * {@code sign} (decoded once, as a server does) is
 * {@code Base64(HmacSHA256(secret, timestamp + "\n" + secret))}, else {@code 310000 sign
 * not match}; the timestamp is within one hour of the emulator's clock, else
 * {@code 310000 invalid timestamp};</li>
 * <li>{@code Content-Type} is {@code application/json} (UTF-8 if a charset is given),
 * else {@code 43004};</li>
 * <li>the body is at most 20,000 bytes, else {@code 460101};</li>
 * <li>the body is a UTF-8 JSON object with a string {@code msgtype}, else
 * {@code 40035};</li>
 * <li>the {@code msgtype} is {@code text}, {@code link}, {@code markdown},
 * {@code actionCard} or {@code feedCard}, else {@code 400105};</li>
 * <li>the type's required fields are present and not blank, else {@code 40035} with
 * {@code errmsg} naming the field ({@code 缺少参数 text.content});</li>
 * <li>when the robot has keywords: the visible text (see
 * {@link RecordedRequest#visibleText()}) contains one, else {@code 310000 keywords not in
 * content};</li>
 * <li>the robot accepted fewer than 20 messages in the last 60 seconds, else
 * {@code 130101}, and the robot is throttled for 10 minutes;</li>
 * <li>otherwise the message is delivered: {@code 0 ok}.</li>
 * </ol>
 * Time is the emulator's {@link Builder#clock(Clock) clock}, so tests can cover the
 * one-hour signature window and the ten-minute throttle without waiting. Every
 * {@code POST} to {@code /robot/send} is recorded, whatever it was answered.
 * <p>
 * The emulator also serves the OpenAPI of app robots on {@link #openApiBaseUrl()}: see
 * {@link #registerApp(String, String, String)} and {@link EmulatedApp}.
 * <p>
 * The {@link #inboxUrl() inbox page} at the emulator's root shows the recorded requests
 * in a browser as a DingTalk group shows them, with the answers, and adds new ones as
 * they arrive.
 * <p>
 * Thread-safe. Robots can be registered before or after {@link #start()}; an emulator can
 * be started again after {@link #close()}, keeping its robots.
 *
 */
public final class DingTalkEmulator implements AutoCloseable {

	/**
	 * The path of the robot webhook.
	 */
	public static final String PATH = "/robot/send";

	private static final Log logger = LogFactory.getLog(DingTalkEmulator.class);

	private final Clock clock;

	private final int requestedPort;

	private final int threads;

	private final Map<String, EmulatedRobot> robotsByName = new ConcurrentHashMap<>();

	private final Map<String, EmulatedRobot> robotsByToken = new ConcurrentHashMap<>();

	private final Queue<RecordedRequest> unknownTokenRequests = new ConcurrentLinkedQueue<>();

	private final AtomicLong sequence = new AtomicLong();

	private final Object lifecycleMonitor = new Object();

	private volatile @Nullable EmulatorServer server;

	private final OpenApiHandler openApi;

	private DingTalkEmulator(Builder builder) {
		this.clock = builder.clock;
		this.requestedPort = builder.port;
		this.threads = builder.threads;
		this.openApi = new OpenApiHandler(this.clock);
	}

	/**
	 * Return a builder for an emulator.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Start serving HTTP.
	 * @return this emulator
	 * @throws IllegalStateException if the emulator is already running
	 * @throws java.io.UncheckedIOException if the port cannot be bound
	 */
	public DingTalkEmulator start() {
		synchronized (this.lifecycleMonitor) {
			Assert.state(this.server == null, "The DingTalk emulator is already running");
			this.server = EmulatorServer.start(this.requestedPort, this.threads, this::exchange, this.openApi,
					new InboxHandler(this));
			logger.debug(LogMessage.format("DingTalk emulator listening on %s", baseUrl()));
			return this;
		}
	}

	/**
	 * Return whether the emulator is serving HTTP.
	 * @return whether it is running
	 */
	public boolean isRunning() {
		return this.server != null;
	}

	/**
	 * Stop serving HTTP, closing open connections and dropping delayed answers. Does
	 * nothing when the emulator is not running.
	 */
	@Override
	public void close() {
		synchronized (this.lifecycleMonitor) {
			EmulatorServer running = this.server;
			if (running != null) {
				this.server = null;
				running.stop();
				logger.debug("DingTalk emulator stopped");
			}
		}
	}

	/**
	 * Return the port the emulator listens on.
	 * @return the port
	 * @throws IllegalStateException if the emulator is not running
	 */
	public int port() {
		EmulatorServer running = this.server;
		Assert.state(running != null, "The DingTalk emulator is not running: call start() first");
		return running.port();
	}

	/**
	 * Return the URL of the robot webhook without an access token, such as
	 * {@code http://127.0.0.1:54321/robot/send}: what a client takes as its base URL.
	 * @return the base URL
	 * @throws IllegalStateException if the emulator is not running
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + port() + PATH;
	}

	/**
	 * Return the URL of the inbox page, such as {@code http://127.0.0.1:54321/}, which
	 * shows the messages as a DingTalk group would, newest first.
	 * @return the inbox URL
	 * @throws IllegalStateException if the emulator is not running
	 */
	public String inboxUrl() {
		return "http://127.0.0.1:" + port() + "/";
	}

	/**
	 * Return the webhook URL for an access token.
	 * @param accessToken the access token
	 * @return the webhook URL
	 * @throws IllegalStateException if the emulator is not running
	 */
	public String webhook(String accessToken) {
		return baseUrl() + "?access_token=" + URLEncoder.encode(accessToken, StandardCharsets.UTF_8);
	}

	/**
	 * Register a robot, or return the robot already registered with that name and access
	 * token (so that several test contexts can share one emulator).
	 * @param name the robot's name
	 * @param accessToken the robot's access token
	 * @return the robot, to configure further
	 * @throws IllegalArgumentException if the name is already registered with another
	 * access token, or the access token with another name
	 */
	public EmulatedRobot registerRobot(String name, String accessToken) {
		Assert.hasText(name, "'name' must not be empty");
		Assert.hasText(accessToken, "'accessToken' must not be empty");
		synchronized (this.robotsByName) {
			EmulatedRobot existing = this.robotsByName.get(name);
			if (existing != null) {
				Assert.isTrue(existing.accessToken().equals(accessToken),
						() -> "A DingTalk robot named '" + name + "' is already registered with another access token");
				return existing;
			}
			EmulatedRobot owner = this.robotsByToken.get(accessToken);
			if (owner != null) {
				throw new IllegalArgumentException("The access token of robot '" + name
						+ "' is already registered for robot '" + owner.name() + "'");
			}
			EmulatedRobot robot = new EmulatedRobot(this, name, accessToken);
			this.robotsByToken.put(accessToken, robot);
			this.robotsByName.put(name, robot);
			return robot;
		}
	}

	/**
	 * Return a registered robot.
	 * @param name the robot's name
	 * @return the robot
	 * @throws IllegalArgumentException if no robot has that name
	 */
	public EmulatedRobot robot(String name) {
		EmulatedRobot robot = this.robotsByName.get(name);
		Assert.isTrue(robot != null, () -> "No DingTalk robot named '" + name
				+ "' is registered with the emulator; registered robots: " + robotNames());
		return robot;
	}

	/**
	 * Return the registered robots, by name.
	 * @return the robots
	 */
	public List<EmulatedRobot> robots() {
		return this.robotsByName.values().stream().sorted(Comparator.comparing(EmulatedRobot::name)).toList();
	}

	/**
	 * Return every request received, for any robot or for an unknown access token, in
	 * arrival order.
	 * @return the requests
	 */
	public List<RecordedRequest> requests() {
		return Stream
			.concat(this.unknownTokenRequests.stream(),
					this.robotsByName.values().stream().flatMap((robot) -> robot.requests().stream()))
			.sorted(Comparator.comparingLong(RecordedRequest::sequence))
			.toList();
	}

	/**
	 * Return how many requests, over all robots, were refused for exceeding the rate
	 * limit.
	 * @return the number of rate violations
	 * @see EmulatedRobot#rateViolations()
	 */
	public int rateViolations() {
		return this.robotsByName.values().stream().mapToInt(EmulatedRobot::rateViolations).sum();
	}

	/**
	 * Return the base URL of the emulated OpenAPI of app robots, such as
	 * {@code http://127.0.0.1:54321}: what a client takes as its OpenAPI base URL.
	 * @return the OpenAPI base URL
	 * @throws IllegalStateException if the emulator is not running
	 */
	public String openApiBaseUrl() {
		return "http://127.0.0.1:" + port();
	}

	/**
	 * Register an enterprise-internal app with its robot, or return the app already
	 * registered with that client id and the same settings. Add the robot to groups with
	 * {@link EmulatedApp#conversation(String)}.
	 * @param clientId the app's client id (AppKey)
	 * @param clientSecret the app's client secret (AppSecret)
	 * @param robotCode the code of the app's robot
	 * @return the app, to configure further
	 * @throws IllegalArgumentException if the client id is already registered with
	 * another secret or robot code
	 */
	public EmulatedApp registerApp(String clientId, String clientSecret, String robotCode) {
		return this.openApi.register(clientId, clientSecret, robotCode);
	}

	/**
	 * Return a registered app.
	 * @param clientId the app's client id
	 * @return the app
	 * @throws IllegalArgumentException if no app has that client id
	 */
	public EmulatedApp app(String clientId) {
		return this.openApi.app(clientId);
	}

	/**
	 * Return the OpenAPI requests whose credentials or access token belong to no
	 * registered app, in arrival order.
	 * @return the requests
	 */
	public List<OpenApiRequest> unknownAppRequests() {
		return this.openApi.unknownAppRequests();
	}

	/**
	 * Forget all requests, rate limit state, pending faults and issued access tokens.
	 * Registered robots and apps stay. The inbox page's "Clear inbox" button does this.
	 */
	public void reset() {
		this.openApi.reset();
		this.unknownTokenRequests.clear();
		this.robotsByName.values().forEach(EmulatedRobot::reset);
	}

	Clock clock() {
		return this.clock;
	}

	long nextSequence() {
		return this.sequence.incrementAndGet();
	}

	private EmulatorResponse exchange(WebhookRequest request) {
		RobotMessage message = RobotMessage.read(request);
		String accessToken = request.queryParameter("access_token");
		EmulatedRobot robot = (accessToken != null) ? this.robotsByToken.get(accessToken) : null;
		RecordedRequest recorded;
		if (robot != null) {
			recorded = robot.exchange(request, message);
		}
		else {
			recorded = new RecordedRequest(nextSequence(), null, this.clock.instant(), request, message,
					EmulatorResponse.answer(DingTalkError.TOKEN_NOT_EXIST), null);
			this.unknownTokenRequests.add(recorded);
		}
		logger.trace(LogMessage.of(recorded::toString));
		return recorded.response();
	}

	private List<String> robotNames() {
		return this.robotsByName.keySet().stream().sorted().toList();
	}

	@Override
	public String toString() {
		EmulatorServer running = this.server;
		return "DingTalkEmulator[" + ((running != null) ? "port=" + running.port() : "stopped") + ", robots="
				+ robotNames() + "]";
	}

	/**
	 * Builds a {@link DingTalkEmulator}.
	 */
	public static final class Builder {

		private Clock clock = Clock.systemUTC();

		private int port;

		private int threads = 8;

		private Builder() {
		}

		/**
		 * Use a clock for arrival times, the signature window and the rate limit. The
		 * default is the system clock.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			Assert.notNull(clock, "'clock' must not be null");
			this.clock = clock;
			return this;
		}

		/**
		 * Listen on a fixed port. The default, 0, picks a free port on each start.
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			Assert.isTrue(port >= 0 && port <= 65535, "'port' must be between 0 and 65535");
			this.port = port;
			return this;
		}

		/**
		 * Handle requests on this many threads. The default is 8.
		 * @param threads the number of threads
		 * @return this builder
		 */
		public Builder threads(int threads) {
			Assert.isTrue(threads > 0, "'threads' must be positive");
			this.threads = threads;
			return this;
		}

		/**
		 * Build the emulator; it serves HTTP once {@link DingTalkEmulator#start()
		 * started}.
		 * @return the emulator
		 */
		public DingTalkEmulator build() {
			return new DingTalkEmulator(this);
		}

	}

}
