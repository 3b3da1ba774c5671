package io.github.dingtalkrobot.autoconfigure;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the secrets of DingTalk robots in the {@code configprops} and {@code env}
 * endpoints, whatever their {@code show-values} says: secrets and access tokens (an app's
 * client secret included) entirely, and the {@code access_token} inside a webhook, whose
 * other parts stay readable.
 */
class DingTalkSanitizingFunction implements SanitizingFunction {

	private static final Pattern ACCESS_TOKEN = Pattern.compile("(?i)(access_token=)[^&#]*");

	@Override
	public SanitizableData apply(SanitizableData data) {
		if (data.getValue() == null) {
			return data;
		}
		// Any relaxed form: dingtalk.robots.ops.access-token, accessToken,
		// DINGTALK_ROBOTS_OPS_ACCESSTOKEN
		String key = data.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		if (!key.startsWith(DingTalkRobotProperties.PREFIX)) {
			return data;
		}
		if (key.endsWith("secret") || key.endsWith("accesstoken")) {
			return data.withSanitizedValue();
		}
		if (key.endsWith("webhook")) {
			return data.withValue(ACCESS_TOKEN.matcher(String.valueOf(data.getValue())).replaceAll("$1******"));
		}
		return data;
	}

}
