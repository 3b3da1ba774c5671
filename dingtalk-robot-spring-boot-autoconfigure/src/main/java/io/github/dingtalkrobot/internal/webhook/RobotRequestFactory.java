package io.github.dingtalkrobot.internal.webhook;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Makes the request factory of a robot that sets its own timeouts or proxy: the JDK
 * {@link HttpClient} carrying them, with an executor. Without one, Spring's
 * {@link JdkClientHttpRequestFactory} starts a new thread for every request body. The JDK
 * client never sends a POST again by itself after a connection failed, unlike
 * {@code HttpURLConnection}, which repeats it once unless told otherwise for the whole
 * JVM: a robot's message must not reach a group twice behind its back. A robot that sets
 * none keeps the request factory of its {@code RestClient.Builder}, so that Spring Boot's
 * HTTP client settings apply. Internal: public only so that
 * {@code io.github.dingtalkrobot} can use it.
 *
 * @since 0.1.0
 */
public final class RobotRequestFactory {

	private static final Duration IDLE_THREAD_KEEP_ALIVE = Duration.ofSeconds(60);

	// One pool for every robot: its threads hand request bodies and answers over, and end
	// when idle
	private static final ExecutorService executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE,
			IDLE_THREAD_KEEP_ALIVE.toSeconds(), TimeUnit.SECONDS, new SynchronousQueue<>(), new HttpThreadFactory());

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
		HttpClient.Builder httpClient = HttpClient.newBuilder().executor(executor);
		if (connectTimeout != null) {
			httpClient.connectTimeout(connectTimeout);
		}
		if (proxy != null) {
			httpClient.proxy(ProxySelector.of(InetSocketAddress.createUnresolved(proxy.getHost(), proxy.getPort())));
		}
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient.build(), executor);
		if (readTimeout != null) {
			requestFactory.setReadTimeout(readTimeout);
		}
		return requestFactory;
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

	private static final class HttpThreadFactory implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable runnable) {
			Thread thread = new Thread(runnable, "dingtalk-http-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
