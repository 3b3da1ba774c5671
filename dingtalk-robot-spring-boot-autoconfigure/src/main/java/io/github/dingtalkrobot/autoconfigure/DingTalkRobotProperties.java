package io.github.dingtalkrobot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

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

		@Override
		public String toString() {
			return "Robot[webhook=" + ((this.webhook != null) ? "******" : null) + ", accessToken="
					+ ((this.accessToken != null) ? "******" : null) + ", secret="
					+ ((this.secret != null) ? "******" : null) + ", keywords=" + this.keywords + ", primary="
					+ this.primary + ", enabled=" + this.enabled + "]";
		}

	}

}
