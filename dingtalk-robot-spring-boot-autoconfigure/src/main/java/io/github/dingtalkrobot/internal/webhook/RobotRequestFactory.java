package io.github.dingtalkrobot.internal.webhook;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * Makes the request factory of a robot that sets its own timeouts or proxy. A robot that
 * sets none keeps the request factory of its {@code RestClient.Builder}, so that Spring
 * Boot's HTTP client settings apply. Internal: public only so that
 * {@code io.github.dingtalkrobot} can use it.
 *
 * @since 0.1.0
 */
public final class RobotRequestFactory {

	private RobotRequestFactory() {
	}

	/**
	 * Return a request factory with the given timeouts and proxy.
	 * @param connectTimeout the connect timeout, or {@code null} for the HTTP client's
	 * @param readTimeout the read timeout, or {@code null} for the HTTP client's
	 * @param proxy the HTTP proxy ({@code http://host:port}) to send through, or
	 * {@code null} to connect directly
	 * @return the request factory, or {@code null} when nothing is set and the builder's
	 * request factory should be kept
	 */
	public static @Nullable ClientHttpRequestFactory create(@Nullable Duration connectTimeout,
			@Nullable Duration readTimeout, @Nullable URI proxy) {
		if (connectTimeout == null && readTimeout == null && proxy == null) {
			return null;
		}
		HttpClient.Builder httpClient = HttpClient.newBuilder();
		if (connectTimeout != null) {
			httpClient.connectTimeout(connectTimeout);
		}
		if (proxy != null) {
			httpClient.proxy(ProxySelector.of(InetSocketAddress.createUnresolved(proxy.getHost(), proxy.getPort())));
		}
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient.build());
		if (readTimeout != null) {
			requestFactory.setReadTimeout(readTimeout);
		}
		return requestFactory;
	}

	/**
	 * Check that a proxy is given as {@code http://host:port} and nothing more.
	 * @param proxy the proxy
	 * @return the proxy
	 * @throws IllegalArgumentException if it is not; the message never repeats it
	 */
	public static URI checkProxy(URI proxy) {
		String scheme = (proxy.getScheme() != null) ? proxy.getScheme().toLowerCase(Locale.ROOT) : "";
		String path = (proxy.getRawPath() != null) ? proxy.getRawPath() : "";
		if (!scheme.equals("http") || proxy.getHost() == null || proxy.getPort() <= 0 || proxy.getRawUserInfo() != null
				|| proxy.getRawQuery() != null || !(path.isEmpty() || path.equals("/"))) {
			throw new IllegalArgumentException("'proxy' must be an HTTP proxy given as 'http://host:port'");
		}
		return proxy;
	}

}
