package io.github.dingtalkrobot.autoconfigure;

import java.util.List;
import java.util.Map;

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
	}

	private void validateAddress(String name, DingTalkRobotProperties.Robot robot) {
		String prefix = DingTalkRobotProperties.PREFIX + ".robots." + name + ".";
		boolean hasWebhook = StringUtils.hasText(robot.getWebhook());
		boolean hasAccessToken = StringUtils.hasText(robot.getAccessToken());
		if (hasWebhook == hasAccessToken) {
			throw new InvalidDingTalkRobotPropertiesException(prefix + "webhook",
					hasWebhook ? "and '" + prefix + "access-token' are both set."
							: "and '" + prefix + "access-token' are both missing, so robot '" + name
									+ "' has no address.",
					"Set exactly one of them: '" + prefix + "webhook' to the webhook URL copied from the robot's "
							+ "settings in DingTalk, or '" + prefix + "access-token' to its access token.");
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
