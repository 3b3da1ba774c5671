package io.github.dingtalkrobot.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import io.github.dingtalkrobot.internal.webhook.RobotWebhook;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Checks that {@link DingTalkRobotProperties} describe usable robots. Every problem names
 * the property and the fix; no message repeats a value, since values hold tokens.
 *
 * @see InvalidDingTalkRobotPropertiesException
 */
class DingTalkRobotPropertiesValidator {

	private static final Log logger = LogFactory.getLog(DingTalkRobotPropertiesValidator.class);

	static final Pattern ROBOT_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

	private final DingTalkRobotProperties properties;

	DingTalkRobotPropertiesValidator(DingTalkRobotProperties properties) {
		this.properties = properties;
	}

	void validate() {
		validateBaseUrl();
		validateNotNegative(DingTalkRobotProperties.PREFIX + ".shutdown-timeout", this.properties.getShutdownTimeout());
		this.properties.getRobots().forEach(this::validateRobot);
		validateSinglePrimary();
	}

	private void validateBaseUrl() {
		if (!isHttpUrl(this.properties.getBaseUrl())) {
			throw new InvalidDingTalkRobotPropertiesException(DingTalkRobotProperties.PREFIX + ".base-url",
					"is not an http(s) URL.",
					"Set 'dingtalk.base-url' to DingTalk's robot endpoint, or remove it to use the default "
							+ "'https://oapi.dingtalk.com/robot/send'.");
		}
	}

	private void validateRobot(String name, DingTalkRobotProperties.Robot robot) {
		if (!ROBOT_NAME.matcher(name).matches()) {
			throw new InvalidDingTalkRobotPropertiesException(DingTalkRobotProperties.PREFIX + ".robots",
					"has a robot named '" + name + "', which is not a valid robot name.",
					"Rename the robot with lower-case letters, digits and hyphens, starting with a letter or "
							+ "digit, for example 'dingtalk.robots.ops-alerts'.");
		}
		String prefix = DingTalkRobotProperties.PREFIX + ".robots." + name + ".";
		boolean hasWebhook = StringUtils.hasText(robot.getWebhook());
		boolean hasAccessToken = StringUtils.hasText(robot.getAccessToken());
		if (robot.getApp().configured()) {
			AppRobotPropertiesValidator.validate(prefix, name, robot, hasWebhook || hasAccessToken);
		}
		else if (hasWebhook == hasAccessToken) {
			throw new InvalidDingTalkRobotPropertiesException(prefix + "webhook",
					hasWebhook ? "and '" + prefix + "access-token' are both set."
							: "and '" + prefix + "access-token' are both missing, so robot '" + name
									+ "' has no address.",
					"Set exactly one of them: '" + prefix + "webhook' to the webhook URL copied from the robot's "
							+ "settings in DingTalk, or '" + prefix
							+ "access-token' to its access token; or, for an app " + "robot, set '" + prefix
							+ "app.*' instead.");
		}
		if (hasWebhook) {
			validateWebhook(prefix + "webhook", robot.getWebhook());
		}
		if (StringUtils.hasText(robot.getSecret()) && !robot.getSecret().startsWith("SEC")) {
			logger.warn("Property '" + prefix + "secret' does not start with 'SEC' as DingTalk's signing secrets "
					+ "do; check that it is the robot's signing secret if requests fail with errcode 310000");
		}
		validatePositive(prefix + "connect-timeout", robot.getConnectTimeout());
		validatePositive(prefix + "read-timeout", robot.getReadTimeout());
		validateRateLimit(prefix + "rate-limit.", robot.getRateLimit());
		validateDelivery(prefix + "delivery.", robot.getDelivery());
	}

	private void validateRateLimit(String prefix, DingTalkRobotProperties.RateLimit rateLimit) {
		validatePositive(prefix + "messages", rateLimit.getMessages());
		validatePositive(prefix + "window", rateLimit.getWindow());
		validateNotNegative(prefix + "max-wait", rateLimit.getMaxWait());
	}

	private void validateDelivery(String prefix, DingTalkRobotProperties.Delivery delivery) {
		validatePositive(prefix + "queue-capacity", delivery.getQueueCapacity());
		validatePositive(prefix + "throttle-pause", delivery.getThrottlePause());
		DingTalkRobotProperties.Retry retry = delivery.getRetry();
		validatePositive(prefix + "retry.max-attempts", retry.getMaxAttempts());
		validatePositive(prefix + "retry.initial-backoff", retry.getInitialBackoff());
		validatePositive(prefix + "retry.max-backoff", retry.getMaxBackoff());
		if (retry.getMaxBackoff().compareTo(retry.getInitialBackoff()) < 0) {
			throw new InvalidDingTalkRobotPropertiesException(prefix + "retry.max-backoff",
					"is shorter than '" + prefix + "retry.initial-backoff'.",
					"Set '" + prefix + "retry.max-backoff' to at least the initial backoff.");
		}
		if (!(retry.getMultiplier() >= 1 && Double.isFinite(retry.getMultiplier()))) {
			throw new InvalidDingTalkRobotPropertiesException(prefix + "retry.multiplier", "must be at least 1.",
					"Set '" + prefix + "retry.multiplier' to 1 for a constant backoff, or to a larger factor such as "
							+ "2.");
		}
	}

	private void validateWebhook(String property, @Nullable String webhook) {
		if (!isHttpUrl(webhook)) {
			throw new InvalidDingTalkRobotPropertiesException(property, "is not an http(s) URL.",
					"Copy the webhook URL from the robot's settings in DingTalk, for example "
							+ "'https://oapi.dingtalk.com/robot/send?access_token=...'.");
		}
		try {
			// Not Spring's URI parser: it logs the query, access token included, at TRACE
			RobotWebhook.of(webhook.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidDingTalkRobotPropertiesException(property, "has no 'access_token' query parameter.",
					"Copy the whole webhook URL from the robot's settings in DingTalk, including "
							+ "'?access_token=...'.");
		}
	}

	private void validatePositive(String property, @Nullable Duration duration) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new InvalidDingTalkRobotPropertiesException(property, "must be a positive duration.",
					"Set '" + property + "' to a duration such as '5s', or remove it to use the default.");
		}
	}

	private void validateNotNegative(String property, @Nullable Duration duration) {
		if (duration == null || duration.isNegative()) {
			throw new InvalidDingTalkRobotPropertiesException(property, "must be a duration of zero or more.",
					"Set '" + property + "' to a duration such as '10s', or remove it to use the default.");
		}
	}

	private void validatePositive(String property, int value) {
		if (value <= 0) {
			throw new InvalidDingTalkRobotPropertiesException(property, "must be a positive number.",
					"Set '" + property + "' to a number greater than 0, or remove it to use the default.");
		}
	}

	private void validateSinglePrimary() {
		List<String> primaries = this.properties.getRobots()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().isPrimary())
			.map(Map.Entry::getKey)
			.toList();
		if (primaries.size() > 1) {
			throw new InvalidDingTalkRobotPropertiesException(
					DingTalkRobotProperties.PREFIX + ".robots." + primaries.get(1) + ".primary",
					"is true, but robots " + primaries + " are all marked primary.",
					"Set 'primary: true' on at most one robot.");
		}
	}

	private static boolean isHttpUrl(@Nullable String value) {
		if (!StringUtils.hasText(value)) {
			return false;
		}
		try {
			URI uri = URI.create(value.strip());
			return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& StringUtils.hasText(uri.getHost());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
