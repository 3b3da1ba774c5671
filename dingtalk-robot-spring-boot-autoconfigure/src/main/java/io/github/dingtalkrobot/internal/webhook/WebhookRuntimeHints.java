package io.github.dingtalkrobot.internal.webhook;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Lets the JSON engine read and write the webhook's records in a native image, where it
 * cannot find their accessors by reflection unless told.
 */
class WebhookRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), WebhookPayload.class,
				WebhookResponse.class);
	}

}
