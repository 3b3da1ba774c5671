package io.github.dingtalkrobot.internal.openapi;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Lets the JSON engine read the OpenAPI's answers in a native image, where it cannot find
 * the record's accessors by reflection unless told.
 */
class OpenApiRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), OpenApiAnswer.class);
	}

}
