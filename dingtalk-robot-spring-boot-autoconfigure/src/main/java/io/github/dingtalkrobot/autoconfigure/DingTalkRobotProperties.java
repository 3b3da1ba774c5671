package io.github.dingtalkrobot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Configuration properties for DingTalk robots: one entry under {@code dingtalk.robots}
 * per robot, keyed by the robot's name.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(DingTalkRobotProperties.PREFIX)
public class DingTalkRobotProperties implements InitializingBean {

	/**
	 * Prefix of the DingTalk robot properties.
	 */
	public static final String PREFIX = "dingtalk";

	/**
	 * URL of DingTalk's robot send endpoint, used with robots that set an access token
	 * rather than a webhook.
	 */
	private String baseUrl = "https://oapi.dingtalk.com/robot/send";

	/**
	 * Base URL of DingTalk's OpenAPI, which app robots send through.
	 */
	private String openapiBaseUrl = "https://api.dingtalk.com";

	/**
	 * Longest time the closing application context waits for the robots to deliver the
	 * messages they hold, in elapsed time; messages still undelivered then are logged and
	 * their futures failed.
	 */
	private Duration shutdownTimeout = Duration.ofSeconds(10);

	/**
	 * Robots, keyed by name. A name is lower-case letters, digits and hyphens, starting
	 * with a letter or digit, and names the robot's bean 'dingTalkRobot.<name>'.
	 */
	private final Map<String, Robot> robots = new LinkedHashMap<>();

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public String getOpenapiBaseUrl() {
		return this.openapiBaseUrl;
	}

	public void setOpenapiBaseUrl(String openapiBaseUrl) {
		this.openapiBaseUrl = openapiBaseUrl;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	public Map<String, Robot> getRobots() {
		return this.robots;
	}

	@Override
	public void afterPropertiesSet() {
		new DingTalkRobotPropertiesValidator(this).validate();
	}

	/**
	 * Properties of one robot.
	 */
	public static class Robot {

		/**
		 * Webhook URL copied from the robot's settings in DingTalk, including its
		 * access_token. Set either this or the access token, not both.
		 */
		private @Nullable String webhook;

		/**
		 * Access token of the robot, sent to the base URL. Set either this or the
		 * webhook, not both.
		 */
		private @Nullable String accessToken;

		/**
		 * Signing secret ('SEC...') of a robot with the signing security setting. When
		 * set, every request is signed.
		 */
		private @Nullable String secret;

		/**
		 * Keywords of a robot with the keyword security setting. A message that contains
		 * none of them gets the first one added.
		 */
		private List<String> keywords = new ArrayList<>();

		/**
		 * Whether this robot is the one injected where no qualifier names a robot.
		 */
		private boolean primary;

		/**
		 * Whether messages are sent. When disabled, messages are logged instead.
		 */
		private boolean enabled = true;

		/**
		 * Connect timeout of the robot's HTTP client.
		 */
		private Duration connectTimeout = Duration.ofSeconds(5);

		/**
		 * Read timeout of the robot's HTTP client.
		 */
		private Duration readTimeout = Duration.ofSeconds(10);

		/**
		 * Rate limit of the robot, shared by synchronous and asynchronous sends.
		 */
		private final RateLimit rateLimit = new RateLimit();

		/**
		 * Delivery of the messages given to sendAsync.
		 */
		private final Delivery delivery = new Delivery();

		/**
		 * App robot: the robot of an enterprise-internal app, which sends through
		 * DingTalk's OpenAPI. Set this instead of the webhook or the access token.
		 */
		private final App app = new App();

		public @Nullable String getWebhook() {
			return this.webhook;
		}

		public void setWebhook(@Nullable String webhook) {
			this.webhook = webhook;
		}

		public @Nullable String getAccessToken() {
			return this.accessToken;
		}

		public void setAccessToken(@Nullable String accessToken) {
			this.accessToken = accessToken;
		}

		public @Nullable String getSecret() {
			return this.secret;
		}

		public void setSecret(@Nullable String secret) {
			this.secret = secret;
		}

		public List<String> getKeywords() {
			return this.keywords;
		}

		public void setKeywords(List<String> keywords) {
			this.keywords = keywords;
		}

		public boolean isPrimary() {
			return this.primary;
		}

		public void setPrimary(boolean primary) {
			this.primary = primary;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getReadTimeout() {
			return this.readTimeout;
		}

		public void setReadTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
		}

		public RateLimit getRateLimit() {
			return this.rateLimit;
		}

		public Delivery getDelivery() {
			return this.delivery;
		}

		public App getApp() {
			return this.app;
		}

		@Override
		public String toString() {
			return "Robot[webhook=" + ((this.webhook != null) ? "******" : null) + ", accessToken="
					+ ((this.accessToken != null) ? "******" : null) + ", secret="
					+ ((this.secret != null) ? "******" : null) + ", keywords=" + this.keywords + ", primary="
					+ this.primary + ", enabled=" + this.enabled + "]";
		}

	}

	/**
	 * Properties of an app robot.
	 */
	public static class App {

		/**
		 * Client id (AppKey) of the enterprise-internal app, from its credentials page in
		 * the developer console.
		 */
		private @Nullable String clientId;

		/**
		 * Client secret (AppSecret) of the enterprise-internal app, from its credentials
		 * page in the developer console.
		 */
		private @Nullable String clientSecret;

		/**
		 * Code of the app's robot, from its robot configuration page in the developer
		 * console.
		 */
		private @Nullable String robotCode;

		/**
		 * Open conversation id ('cid...') of the group the robot posts to. Optional for a
		 * robot that only sends to people one by one.
		 */
		private @Nullable String conversationId;

		public @Nullable String getClientId() {
			return this.clientId;
		}

		public void setClientId(@Nullable String clientId) {
			this.clientId = clientId;
		}

		public @Nullable String getClientSecret() {
			return this.clientSecret;
		}

		public void setClientSecret(@Nullable String clientSecret) {
			this.clientSecret = clientSecret;
		}

		public @Nullable String getRobotCode() {
			return this.robotCode;
		}

		public void setRobotCode(@Nullable String robotCode) {
			this.robotCode = robotCode;
		}

		public @Nullable String getConversationId() {
			return this.conversationId;
		}

		public void setConversationId(@Nullable String conversationId) {
			this.conversationId = conversationId;
		}

		/**
		 * Return whether any app property is set, which makes the robot an app robot.
		 * @return whether the robot is an app robot
		 */
		public boolean configured() {
			return StringUtils.hasText(this.clientId) || StringUtils.hasText(this.clientSecret)
					|| StringUtils.hasText(this.robotCode) || StringUtils.hasText(this.conversationId);
		}

	}

	/**
	 * Rate limit of one robot.
	 */
	public static class RateLimit {

		/**
		 * Number of messages the robot may send in any window. DingTalk throttles a robot
		 * for 10 minutes when it sends more than 20 a minute.
		 */
		private int messages = 20;

		/**
		 * Length of the rolling window.
		 */
		private Duration window = Duration.ofSeconds(60);

		/**
		 * Longest time a synchronous send waits for a free slot, or for the end of a
		 * pause, before it fails; 0 fails at once.
		 */
		private Duration maxWait = Duration.ofSeconds(10);

		public int getMessages() {
			return this.messages;
		}

		public void setMessages(int messages) {
			this.messages = messages;
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = window;
		}

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = maxWait;
		}

	}

	/**
	 * Delivery of the messages one robot is given to send asynchronously.
	 */
	public static class Delivery {

		/**
		 * Number of messages that may wait or be in flight; beyond that, sendAsync fails
		 * at once.
		 */
		private int queueCapacity = 1000;

		/**
		 * Whether consecutive waiting text and Markdown messages are merged into one
		 * Markdown message.
		 */
		private boolean coalesce = true;

		/**
		 * Time the robot sends nothing after DingTalk throttled it (errcode 130101 or
		 * 410100); waiting messages stay queued.
		 */
		private Duration throttlePause = Duration.ofMinutes(10);

		/**
		 * Retries of transient failures, for synchronous sends too.
		 */
		private final Retry retry = new Retry();

		public int getQueueCapacity() {
			return this.queueCapacity;
		}

		public void setQueueCapacity(int queueCapacity) {
			this.queueCapacity = queueCapacity;
		}

		public boolean isCoalesce() {
			return this.coalesce;
		}

		public void setCoalesce(boolean coalesce) {
			this.coalesce = coalesce;
		}

		public Duration getThrottlePause() {
			return this.throttlePause;
		}

		public void setThrottlePause(Duration throttlePause) {
			this.throttlePause = throttlePause;
		}

		public Retry getRetry() {
			return this.retry;
		}

	}

	/**
	 * Retries of one robot's transient failures: a refused connection, an HTTP 5xx answer
	 * or errcode -1.
	 */
	public static class Retry {

		/**
		 * Number of times a message is sent at most, the first included; 1 never retries.
		 */
		private int maxAttempts = 3;

		/**
		 * Backoff before the second attempt; later ones grow by the multiplier, each less
		 * a random part of up to half of it.
		 */
		private Duration initialBackoff = Duration.ofMillis(500);

		/**
		 * Longest backoff between two attempts.
		 */
		private Duration maxBackoff = Duration.ofSeconds(30);

		/**
		 * Factor by which the backoff grows with each attempt.
		 */
		private double multiplier = 2;

		/**
		 * Whether to retry a request that was sent but got no answer, such as after a
		 * read timeout, at the risk of posting the message twice.
		 */
		private boolean afterReadTimeout;

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public boolean isAfterReadTimeout() {
			return this.afterReadTimeout;
		}

		public void setAfterReadTimeout(boolean afterReadTimeout) {
			this.afterReadTimeout = afterReadTimeout;
		}

	}

}
