package io.github.dingtalkrobot.internal.webhook;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reflection hints for the webhook's JSON records in native images.
 */
class WebhookRuntimeHintsTests {

	@Test
	void hintsAreRegisteredThroughAotFactories() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.hasAtLeastOneElementOfType(WebhookRuntimeHints.class);
	}

	@Test
	void requestAndResponseRecordsAndTheirPartsHaveBindingHints() {
		RuntimeHints hints = new RuntimeHints();
		new WebhookRuntimeHints().registerHints(hints, getClass().getClassLoader());
		for (Class<?> type : new Class<?>[] { WebhookPayload.class, WebhookPayload.ActionCard.class,
				WebhookPayload.Button.class, WebhookPayload.FeedLink.class, WebhookPayload.Mentions.class,
				WebhookResponse.class }) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(hints);
		}
	}

}
