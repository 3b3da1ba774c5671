package io.github.dingtalkrobot;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Checks shared by the compact constructors of the delivery settings; every failure names
 * the field.
 */
final class SettingsAssert {

	private SettingsAssert() {
	}

	static Duration positive(@Nullable Duration value, String field) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("'" + field + "' must be a positive duration");
		}
		return value;
	}

	static Duration notNegative(@Nullable Duration value, String field) {
		if (value == null || value.isNegative()) {
			throw new IllegalArgumentException("'" + field + "' must not be null or negative");
		}
		return value;
	}

	static int positive(int value, String field) {
		if (value <= 0) {
			throw new IllegalArgumentException("'" + field + "' must be positive");
		}
		return value;
	}

}
