package io.github.dingtalkrobot.autoconfigure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.dingtalkrobot.internal.webhook.RobotWebhook;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Checks the rules of {@link DingTalkRobotProperties} that span several properties. The
 * rules of a single value live in the settings records and the robot builder, and
 * {@link DingTalkRobotPropertiesMapper} reports them. No message repeats a value, since
 * values hold tokens.
 *
 * @see InvalidDingTalkRobotPropertiesException
 */
class DingTalkRobotPropertiesValidator {

	private final DingTalkRobotProperties properties;

	DingTalkRobotPropertiesValidator(DingTalkRobotProperties properties) {
		this.properties = properties;
	}

	void validate() {
		this.properties.getRobots().forEach(this::validateAddress);
		validateSinglePrimary();
		validateDistinctTokens();
	}

	private void validateAddress(String name, DingTalkRobotProperties.Robot robot) {
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
	}

	// DingTalk's budget of 20 messages a minute belongs to the access token: two robots
	// with one token would each keep their own limit and together exceed it
	private void validateDistinctTokens() {
		Map<String, String> robotOfToken = new HashMap<>();
		this.properties.getRobots().forEach((name, robot) -> {
			String token = accessToken(robot);
			String other = (token != null) ? robotOfToken.putIfAbsent(token, name) : null;
			if (other != null) {
				String prefix = DingTalkRobotProperties.PREFIX + ".robots.";
				String property = prefix + name
						+ (StringUtils.hasText(robot.getWebhook()) ? ".webhook" : ".access-token");
				throw new InvalidDingTalkRobotPropertiesException(property,
						"has the same access token as robot '" + other
								+ "', so both would post to one DingTalk robot, whose rate limit they would exceed "
								+ "together.",
						"Configure each DingTalk robot once, under 'dingtalk.robots." + other
								+ "', and inject it wherever it is needed, or give '" + prefix + name
								+ "' the address of another robot.");
			}
		});
	}

	private static @Nullable String accessToken(DingTalkRobotProperties.Robot robot) {
		if (StringUtils.hasText(robot.getAccessToken())) {
			return robot.getAccessToken().strip();
		}
		try {
			return StringUtils.hasText(robot.getWebhook()) ? RobotWebhook.of(robot.getWebhook().strip()).accessToken()
					: null;
		}
		catch (IllegalArgumentException ex) {
			// Reported with its property when the robot is built
			return null;
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

}
