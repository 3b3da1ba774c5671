package io.github.dingtalkrobot.internal.openapi;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * What identifies an app robot to DingTalk's OpenAPI: the app's client id (AppKey) and
 * client secret (AppSecret), the robot's code, and the group it sends to.
 * {@link #toString()} leaves the secret out.
 *
 * @param clientId the app's client id (AppKey)
 * @param clientSecret the app's client secret (AppSecret)
 * @param robotCode the robot's code
 * @param conversationId the group's {@code openConversationId}, or {@code null} for a
 * robot that only sends to people one by one
 * @since 0.1.0
 */
public record AppCredentials(String clientId, String clientSecret, String robotCode, @Nullable String conversationId) {

	/**
	 * Validate the credentials.
	 * @throws IllegalArgumentException if a required value is blank; the message never
	 * repeats a value
	 */
	public AppCredentials {
		requireText(clientId, "clientId");
		requireText(clientSecret, "clientSecret");
		requireText(robotCode, "robotCode");
		conversationId = StringUtils.hasText(conversationId) ? conversationId : null;
	}

	private static void requireText(@Nullable String value, String name) {
		if (!StringUtils.hasText(value)) {
			throw new IllegalArgumentException("'" + name + "' of the app robot must not be blank");
		}
	}

	@Override
	public String toString() {
		return "AppCredentials[clientId=" + this.clientId + ", robotCode=" + this.robotCode + ", conversationId="
				+ this.conversationId + "]";
	}

}
