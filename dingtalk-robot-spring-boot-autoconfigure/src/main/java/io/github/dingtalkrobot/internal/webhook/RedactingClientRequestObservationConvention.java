package io.github.dingtalkrobot.internal.webhook;

import io.micrometer.common.KeyValue;

import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.client.observation.DefaultClientRequestObservationConvention;

/**
 * Spring's client observation convention with the access token and signature masked in
 * the {@code http.url} attribute, which would otherwise put them into traces.
 */
final class RedactingClientRequestObservationConvention extends DefaultClientRequestObservationConvention {

	private final SecretRedactor redactor;

	RedactingClientRequestObservationConvention(SecretRedactor redactor) {
		this.redactor = redactor;
	}

	@Override
	protected KeyValue requestUri(ClientRequestObservationContext context) {
		KeyValue requestUri = super.requestUri(context);
		return KeyValue.of(requestUri.getKey(), this.redactor.redact(requestUri.getValue()));
	}

}
