package io.github.dingtalkrobot.message;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Checks shared by the messages' compact constructors; every failure names the field.
 */
final class MessageAssert {

	private MessageAssert() {
	}

	static String hasText(@Nullable String value, String field) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("'" + field + "' must not be blank");
		}
		return value;
	}

	static String isHttpUrl(@Nullable String value, String field) {
		hasText(value, field);
		String lowerCase = value.toLowerCase(Locale.ROOT);
		if (!(lowerCase.startsWith("http://") || lowerCase.startsWith("https://"))) {
			throw new IllegalArgumentException("'" + field + "' must be an http or https URL");
		}
		return value;
	}

	static <T> List<T> notNull(@Nullable List<T> values, String field) {
		// List.contains(null) throws on immutable lists
		if (values == null || values.stream().anyMatch(Objects::isNull)) {
			throw new IllegalArgumentException("'" + field + "' must not be null or contain null");
		}
		return List.copyOf(values);
	}

	static <T> T notNull(@Nullable T value, String field) {
		if (value == null) {
			throw new IllegalArgumentException("'" + field + "' must not be null");
		}
		return value;
	}

}
