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
 * Makes a robot's request factory from its timeouts and proxy. By default a robot sends
 * through its {@link #transport() own transport}, which writes each request in one piece
 * over a kept-alive connection. A robot kept on Spring Boot's HTTP client
 * {@link #applyTo(RestClient.Builder) keeps its builder's request factory} unless it sets
 * timeouts or a proxy, which then go to the JDK {@link HttpClient}, with an executor:
 * without one, Spring's {@link JdkClientHttpRequestFactory} starts a new thread for every
 * request body. Neither ever sends a POST again by itself after a connection failed,
 * unlike {@code HttpURLConnection}, which repeats it once unless told otherwise for the
 * whole JVM: a robot's message must not reach a group twice behind its back. Internal:
 * public only so that {@code io.github.dingtalkrobot} can use it.
 *
 * @since 0.1.0
 */
public final class RobotRequestFactory {

	/**
	 * The connect timeout of a robot's own transport when the robot sets none.
	 */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

	/**
	 * The read timeout of a robot's own transport when the robot sets none.
	 */
	public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration IDLE_THREAD_KEEP_ALIVE = Duration.ofSeconds(60);

	// One pool for every robot on the JDK client: its threads hand request bodies and
	// answers over, and end when idle
	private static final ExecutorService executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE,
			IDLE_THREAD_KEEP_ALIVE.toSeconds(), TimeUnit.SECONDS, new SynchronousQueue<>(), new HttpThreadFactory());

	private final @Nullable Duration connectTimeout;

	private final @Nullable Duration readTimeout;

	private final @Nullable URI proxy;

	/**
	 * Create the request factories of a robot with the given settings.
	 * @param connectTimeout the robot's connect timeout, or {@code null} if it sets none
	 * @param readTimeout the robot's read timeout, or {@code null} if it sets none
	 * @param proxy the HTTP proxy ({@code http://host:port}) to send through, or
	 * {@code null} to connect directly
	 */
	public RobotRequestFactory(@Nullable Duration connectTimeout, @Nullable Duration readTimeout, @Nullable URI proxy) {
		this.connectTimeout = connectTimeout;
		this.readTimeout = readTimeout;
		this.proxy = proxy;
	}

	/**
	 * Return a request factory of the robots' own transport with the robot's timeouts
	 * ({@link #DEFAULT_CONNECT_TIMEOUT} and {@link #DEFAULT_READ_TIMEOUT} where unset)
	 * and proxy. Every robot shares its pool of idle connections.
	 * @return the request factory
	 */
	public ClientHttpRequestFactory transport() {
		return new RobotClientHttpRequestFactory(RobotHttpTransport.shared(),
				(this.connectTimeout != null) ? this.connectTimeout : DEFAULT_CONNECT_TIMEOUT,
				(this.readTimeout != null) ? this.readTimeout : DEFAULT_READ_TIMEOUT, this.proxy);
	}

	/**
	 * Give a builder that keeps its own HTTP client the robot's timeouts and proxy: when
	 * the robot sets none, the builder is left as it is; otherwise it gets the JDK
	 * {@link HttpClient} carrying them.
	 * @param builder the robot's builder
	 * @return the builder
	 */
	public RestClient.Builder applyTo(RestClient.Builder builder) {
		if (this.connectTimeout == null && this.readTimeout == null && this.proxy == null) {
			return builder;
		}
		HttpClient.Builder httpClient = HttpClient.newBuilder().executor(executor);
		if (this.connectTimeout != null) {
			httpClient.connectTimeout(this.connectTimeout);
		}
		if (this.proxy != null) {
			httpClient.proxy(
					ProxySelector.of(InetSocketAddress.createUnresolved(this.proxy.getHost(), this.proxy.getPort())));
		}
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient.build(), executor);
		if (this.readTimeout != null) {
			requestFactory.setReadTimeout(this.readTimeout);
		}
		return builder.requestFactory(requestFactory);
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
