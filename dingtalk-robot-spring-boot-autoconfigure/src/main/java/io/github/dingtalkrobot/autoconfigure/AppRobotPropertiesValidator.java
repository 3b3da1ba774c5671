package io.github.dingtalkrobot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Checks the properties of an app robot ({@code dingtalk.robots.<name>.app.*}): the app's
 * credentials and the robot's code are set, and no webhook, access token, secret or
 * keywords, which only webhook robots have. No message repeats a value.
 */
final class AppRobotPropertiesValidator {

	private AppRobotPropertiesValidator() {
	}

	static void validate(String prefix, String name, DingTalkRobotProperties.Robot robot, boolean hasAddress) {
		if (hasAddress) {
			throw new InvalidDingTalkRobotPropertiesException(prefix + "app",
					"is set together with '" + prefix + "webhook' or '" + prefix + "access-token'.",
					"Set exactly one of them: '" + prefix + "app.*' for an app robot that sends through DingTalk's "
							+ "OpenAPI, or the webhook or access token of a custom robot.");
		}
		DingTalkRobotProperties.App app = robot.getApp();
		requireText(prefix + "app.client-id", app.getClientId(), name,
				"the app's AppKey (Client ID) from its credentials page in the DingTalk developer console");
		requireText(prefix + "app.client-secret", app.getClientSecret(), name,
				"the app's AppSecret (Client Secret) from its credentials page in the DingTalk developer console");
		requireText(prefix + "app.robot-code", app.getRobotCode(), name,
				"the RobotCode from the robot's configuration page in the DingTalk developer console");
		if (StringUtils.hasText(robot.getSecret()) || !robot.getKeywords().isEmpty()) {
			throw new InvalidDingTalkRobotPropertiesException(prefix + "secret",
					"or '" + prefix + "keywords' is set on app robot '" + name + "'.",
					"Remove them: signing secrets and keywords are security settings of custom (webhook) robots; "
							+ "app robots authenticate with the app's credentials.");
		}
	}

	private static void requireText(String property, @Nullable String value, String name, String what) {
		if (!StringUtils.hasText(value)) {
			throw new InvalidDingTalkRobotPropertiesException(property,
					"is missing, so app robot '" + name + "' cannot authenticate.",
					"Set '" + property + "' to " + what + ".");
		}
	}

}
