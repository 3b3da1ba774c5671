package io.github.dingtalkrobot.internal.webhook;

import java.net.URI;
import java.time.Duration;

import io.github.dingtalkrobot.internal.webhook.RobotHttpTransport.Route;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * {@link ClientHttpRequestFactory} of the robots' own {@link RobotHttpTransport}, with a
 * robot's timeouts and proxy, so that {@code RestClient}, its interceptors and
 * observations work on top of it as on any other.
 */
final class RobotClientHttpRequestFactory implements ClientHttpRequestFactory {

	private final RobotHttpTransport transport;

	private final Duration connectTimeout;

	private final Duration readTimeout;

	private final @Nullable URI proxy;

	RobotClientHttpRequestFactory(RobotHttpTransport transport, Duration connectTimeout, Duration readTimeout,
			@Nullable URI proxy) {
		this.transport = transport;
		this.connectTimeout = connectTimeout;
		this.readTimeout = readTimeout;
		this.proxy = proxy;
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) {
		return new RobotClientHttpRequest(this.transport, Route.of(uri, this.proxy), uri, httpMethod,
				this.connectTimeout, this.readTimeout);
	}

}
