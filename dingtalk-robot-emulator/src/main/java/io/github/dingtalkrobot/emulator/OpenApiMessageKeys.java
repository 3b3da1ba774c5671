package io.github.dingtalkrobot.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The OpenAPI's message templates ({@code msgKey}) that the emulator knows, and the
 * parameters each requires in {@code msgParam}.
 */
final class OpenApiMessageKeys {

	private static final Map<String, List<String>> REQUIRED = Map.of("sampleText", List.of("content"), "sampleMarkdown",
			List.of("title", "text"), "sampleLink", List.of("text", "title", "messageUrl"), "sampleImageMsg",
			List.of("photoURL"), "sampleActionCard", List.of("title", "text", "singleTitle", "singleURL"),
			"sampleActionCard2", buttons(2), "sampleActionCard3", buttons(3), "sampleActionCard4", buttons(4),
			"sampleActionCard5", buttons(5), "sampleActionCard6",
			List.of("title", "text", "buttonTitle1", "buttonUrl1", "buttonTitle2", "buttonUrl2"));

	private OpenApiMessageKeys() {
	}

	private static List<String> buttons(int count) {
		List<String> names = new ArrayList<>(List.of("title", "text"));
		for (int i = 1; i <= count; i++) {
			names.add("actionTitle" + i);
			names.add("actionURL" + i);
		}
		return List.copyOf(names);
	}

	/**
	 * Return what is wrong with a template and its parameters.
	 * @param msgKey the template
	 * @param msgParam the parameters
	 * @return the error, or {@code null} when the message is valid
	 */
	static @Nullable OpenApiError check(String msgKey, Map<String, @Nullable Object> msgParam) {
		List<String> required = REQUIRED.get(msgKey);
		if (required == null) {
			return OpenApiError.UNKNOWN_MSG_KEY;
		}
		for (String name : required) {
			if (!(msgParam.get(name) instanceof String value) || value.isBlank()) {
				return OpenApiError.missingParameter("msgParam." + name);
			}
		}
		return null;
	}

}
