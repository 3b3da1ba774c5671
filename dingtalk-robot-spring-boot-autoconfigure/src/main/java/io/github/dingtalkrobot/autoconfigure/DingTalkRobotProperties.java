package io.github.dingtalkrobot.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.dingtalkrobot.DeliverySettings;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Configuration properties for DingTalk robots: one entry under {@code dingtalk.robots}
 * per robot, keyed by the robot's name, and {@code dingtalk.defaults} that every robot
 * inherits. A setting left unset is inherited: from {@code dingtalk.defaults}, then from
 * the settings records' defaults ({@link io.github.dingtalkrobot.RateLimit#defaults()},
 * {@link DeliverySettings#defaults()}).
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
	private @Nullable String baseUrl;

	/**
	 * Base URL of DingTalk's OpenAPI, which app robots send through.
	 */
	private String openapiBaseUrl = "https://api.dingtalk.com";

	/**
	 * Longest time the closing application context waits for the robots to deliver the
	 * messages they hold, in elapsed time; messages still undelivered then are logged and
	 * their futures failed.
	 */
	private @Nullable Duration shutdownTimeout;

	/**
	 * Settings that every robot inherits unless it sets them itself.
	 */
	private final RobotDefaults defaults = new RobotDefaults();

	/**
	 * Robots, keyed by name. A name is lower-case letters, digits and hyphens, starting
	 * with a letter or digit, and names the robot's bean 'dingTalkRobot.<name>'.
	 */
	private final Map<String, Robot> robots = new LinkedHashMap<>();

	public @Nullable String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(@Nullable String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public String getOpenapiBaseUrl() {
		return this.openapiBaseUrl;
	}

	public void setOpenapiBaseUrl(String openapiBaseUrl) {
		this.openapiBaseUrl = openapiBaseUrl;
	}

	public @Nullable Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(@Nullable Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	public RobotDefaults getDefaults() {
		return this.defaults;
	}

	public Map<String, Robot> getRobots() {
		return this.robots;
	}

	/**
	 * Return the rate limit that a robot applies: its own settings, then those of
	 * {@code dingtalk.defaults}, then
	 * {@link io.github.dingtalkrobot.RateLimit#defaults()}.
	 * @param robotName the name of a configured robot
	 * @return the robot's rate limit
	 */
	public io.github.dingtalkrobot.RateLimit determineRateLimit(String robotName) {
		return new DingTalkRobotPropertiesMapper(this).rateLimit(robotName);
	}

	/**
	 * Return whether a robot sends messages: its own setting, then that of
	 * {@code dingtalk.defaults}, then {@code true}.
	 * @param robotName the name of a configured robot
	 * @return whether the robot is enabled
	 */
	public boolean determineEnabled(String robotName) {
		return new DingTalkRobotPropertiesMapper(this).enabled(robotName);
	}

	@Override
	public void afterPropertiesSet() {
		new DingTalkRobotPropertiesValidator(this).validate();
	}

	/**
	 * Settings of a robot that it may set itself or inherit from
	 * {@code dingtalk.defaults}: everything but its address, secret, keywords and whether
	 * it is primary.
	 */
	public static class RobotDefaults {

		/**
		 * Whether messages are sent. When disabled, messages are logged instead.
		 */
		private @Nullable Boolean enabled;

		/**
		 * Connect timeout of the robot's HTTP client. Unset: 5s, or Spring Boot's when
		 * spring.http.clients.* or spring.http.client.* is set.
		 */
		private @Nullable Duration connectTimeout;

		/**
		 * Read timeout of the robot's HTTP client. Unset: 10s, or Spring Boot's when
		 * spring.http.clients.* or spring.http.client.* is set.
		 */
		private @Nullable Duration readTimeout;

		/**
		 * HTTP proxy that the robot sends through, as 'http://host:port', for example one
		 * with a fixed address for DingTalk's IP allowlist. Unset: no proxy.
		 */
		private @Nullable URI proxy;

		/**
		 * Rate limit of the robot, shared by synchronous and asynchronous sends.
		 */
		private final RateLimit rateLimit = new RateLimit();

		/**
		 * Delivery of the messages given to sendAsync.
		 */
		private final Delivery delivery = new Delivery();

		public @Nullable Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(@Nullable Boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(@Nullable Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public @Nullable Duration getReadTimeout() {
			return this.readTimeout;
		}

		public void setReadTimeout(@Nullable Duration readTimeout) {
			this.readTimeout = readTimeout;
		}

		public @Nullable URI getProxy() {
			return this.proxy;
		}

		public void setProxy(@Nullable URI proxy) {
			this.proxy = proxy;
		}

		public RateLimit getRateLimit() {
			return this.rateLimit;
		}

		public Delivery getDelivery() {
			return this.delivery;
		}

	}

	/**
	 * Properties of one robot: its address, secret and keywords, and any setting of
	 * {@code dingtalk.defaults} it sets for itself.
	 */
	public static class Robot extends RobotDefaults {

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

		public App getApp() {
			return this.app;
		}

		@Override
		public String toString() {
			return "Robot[webhook=" + ((this.webhook != null) ? "******" : null) + ", accessToken="
					+ ((this.accessToken != null) ? "******" : null) + ", secret="
					+ ((this.secret != null) ? "******" : null) + ", keywords=" + this.keywords + ", primary="
					+ this.primary + ", enabled=" + getEnabled() + "]";
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
		private @Nullable Integer messages;

		/**
		 * Length of the rolling window.
		 */
		private @Nullable Duration window;

		/**
		 * Longest time a synchronous send waits for a free slot, or for the end of a
		 * pause, before it fails; 0 fails at once.
		 */
		private @Nullable Duration maxWait;

		public @Nullable Integer getMessages() {
			return this.messages;
		}

		public void setMessages(@Nullable Integer messages) {
			this.messages = messages;
		}

		public @Nullable Duration getWindow() {
			return this.window;
		}

		public void setWindow(@Nullable Duration window) {
			this.window = window;
		}

		public @Nullable Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(@Nullable Duration maxWait) {
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
		private @Nullable Integer queueCapacity;

		/**
		 * Whether consecutive waiting text and Markdown messages are merged into one
		 * Markdown message.
		 */
		private @Nullable Boolean coalesce;

		/**
		 * Time the robot sends nothing after DingTalk throttled it (errcode 130101 or
		 * 410100); waiting messages stay queued.
		 */
		private @Nullable Duration throttlePause;

		/**
		 * Retries of transient failures, for synchronous sends too.
		 */
		private final Retry retry = new Retry();

		public @Nullable Integer getQueueCapacity() {
			return this.queueCapacity;
		}

		public void setQueueCapacity(@Nullable Integer queueCapacity) {
			this.queueCapacity = queueCapacity;
		}

		public @Nullable Boolean getCoalesce() {
			return this.coalesce;
		}

		public void setCoalesce(@Nullable Boolean coalesce) {
			this.coalesce = coalesce;
		}

		public @Nullable Duration getThrottlePause() {
			return this.throttlePause;
		}

		public void setThrottlePause(@Nullable Duration throttlePause) {
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
		private @Nullable Integer maxAttempts;

		/**
		 * Backoff before the second attempt; later ones grow by the multiplier, each less
		 * a random part of up to half of it.
		 */
		private @Nullable Duration initialBackoff;

		/**
		 * Longest backoff between two attempts.
		 */
		private @Nullable Duration maxBackoff;

		/**
		 * Factor by which the backoff grows with each attempt.
		 */
		private @Nullable Double multiplier;

		/**
		 * Whether to retry a request that was sent but got no answer, such as after a
		 * read timeout, at the risk of posting the message twice.
		 */
		private @Nullable Boolean afterReadTimeout;

		public @Nullable Integer getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(@Nullable Integer maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public @Nullable Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(@Nullable Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public @Nullable Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(@Nullable Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public @Nullable Double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(@Nullable Double multiplier) {
			this.multiplier = multiplier;
		}

		public @Nullable Boolean getAfterReadTimeout() {
			return this.afterReadTimeout;
		}

		public void setAfterReadTimeout(@Nullable Boolean afterReadTimeout) {
			this.afterReadTimeout = afterReadTimeout;
		}

	}

}
