package io.github.dingtalkrobot.internal.webhook;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The request factory of a robot that sets its own timeouts or proxy. It sends each
 * request from the calling thread over the JDK's {@link HttpURLConnection}, as DingTalk's
 * official SDK does, with the headers and the body in one write. Spring's
 * {@code SimpleClientHttpRequestFactory} streams the body after the headers, which costs
 * a delayed-ACK wait per message on a connection that uses Nagle's algorithm, and its
 * {@code JdkClientHttpRequestFactory} hands every request to other threads (one started
 * per request body when its {@code HttpClient} has no executor), which costs most on a
 * busy machine. A robot's message is small and already bounded in size, so buffering it
 * costs nothing. Connections are kept alive and shared by the JDK.
 *
 * @since 0.1.0
 */
public final class RobotRequestFactory implements ClientHttpRequestFactory {

	private final int connectTimeoutMillis;

	private final int readTimeoutMillis;

	private final Proxy proxy;

	private RobotRequestFactory(@Nullable Duration connectTimeout, @Nullable Duration readTimeout,
			@Nullable URI proxy) {
		this.connectTimeoutMillis = millis(connectTimeout);
		this.readTimeoutMillis = millis(readTimeout);
		this.proxy = (proxy != null) ? new Proxy(Proxy.Type.HTTP,
				InetSocketAddress.createUnresolved(proxy.getHost(), (proxy.getPort() != -1) ? proxy.getPort() : 80))
				: Proxy.NO_PROXY;
	}

	/**
	 * Create the request factory of a robot.
	 * @param connectTimeout the robot's connect timeout, or {@code null} for none
	 * @param readTimeout the robot's read timeout, or {@code null} for none
	 * @param proxy the robot's proxy as {@code http://host:port}, or {@code null} to
	 * connect directly
	 * @return the request factory, or {@code null} if none of the three is set, meaning
	 * that the robot keeps the request factory of its {@code RestClient.Builder}
	 */
	public static @Nullable ClientHttpRequestFactory create(@Nullable Duration connectTimeout,
			@Nullable Duration readTimeout, @Nullable URI proxy) {
		if (connectTimeout == null && readTimeout == null && proxy == null) {
			return null;
		}
		return new RobotRequestFactory(connectTimeout, readTimeout, proxy);
	}

	/**
	 * Give a robot's builder its own request factory if the robot sets timeouts or a
	 * proxy.
	 * @param builder the robot's builder
	 * @param connectTimeout the robot's connect timeout, or {@code null}
	 * @param readTimeout the robot's read timeout, or {@code null}
	 * @param proxy the robot's proxy, or {@code null}
	 * @return the builder
	 * @see #create(Duration, Duration, URI)
	 */
	public static RestClient.Builder applyTo(RestClient.Builder builder, @Nullable Duration connectTimeout,
			@Nullable Duration readTimeout, @Nullable URI proxy) {
		ClientHttpRequestFactory requestFactory = create(connectTimeout, readTimeout, proxy);
		return (requestFactory != null) ? builder.requestFactory(requestFactory) : builder;
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

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
		HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(this.proxy);
		connection.setConnectTimeout(this.connectTimeoutMillis);
		connection.setReadTimeout(this.readTimeoutMillis);
		connection.setInstanceFollowRedirects(false);
		connection.setRequestMethod(httpMethod.name());
		return new UrlConnectionRequest(connection, uri, httpMethod);
	}

	private static int millis(@Nullable Duration timeout) {
		// Zero means no timeout to HttpURLConnection
		return (timeout != null) ? (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()) : 0;
	}

	@Override
	public String toString() {
		return "RobotRequestFactory[connectTimeout=" + this.connectTimeoutMillis + "ms, readTimeout="
				+ this.readTimeoutMillis + "ms, proxy=" + (this.proxy != Proxy.NO_PROXY) + "]";
	}

}
