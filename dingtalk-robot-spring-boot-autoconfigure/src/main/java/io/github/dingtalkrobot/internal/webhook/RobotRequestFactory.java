package io.github.dingtalkrobot.internal.webhook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.RestClient;

/**
 * The request factory of a robot that sets its own timeouts or proxy: Spring's
 * {@link JdkClientHttpRequestFactory} on a JDK {@link HttpClient} that has an executor,
 * made on the first request. Without an executor, Spring writes every request body on a
 * new thread; with one, on a pooled thread. Robots with the same connect timeout and
 * proxy share one {@code HttpClient}, its connections and its selector thread. The pool's
 * threads are daemons and end after a minute without work.
 *
 * @since 0.1.0
 */
public final class RobotRequestFactory implements ClientHttpRequestFactory {

	private static final Map<HttpClientKey, HttpClient> httpClients = new ConcurrentHashMap<>();

	private static final ExecutorService executor = executor();

	private final SingletonSupplier<JdkClientHttpRequestFactory> requestFactory;

	private RobotRequestFactory(@Nullable Duration connectTimeout, @Nullable Duration readTimeout,
			@Nullable URI proxy) {
		this.requestFactory = SingletonSupplier.of(() -> requestFactory(connectTimeout, readTimeout, proxy));
	}

	/**
	 * Create the request factory of a robot. It costs nothing until its first request.
	 * @param connectTimeout the robot's connect timeout, or {@code null} for the JDK's
	 * default
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

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
		return this.requestFactory.obtain().createRequest(uri, httpMethod);
	}

	private static JdkClientHttpRequestFactory requestFactory(@Nullable Duration connectTimeout,
			@Nullable Duration readTimeout, @Nullable URI proxy) {
		HttpClient httpClient = httpClients.computeIfAbsent(new HttpClientKey(connectTimeout, proxy),
				RobotRequestFactory::httpClient);
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient, executor);
		if (readTimeout != null) {
			requestFactory.setReadTimeout(readTimeout);
		}
		return requestFactory;
	}

	private static HttpClient httpClient(HttpClientKey key) {
		HttpClient.Builder builder = HttpClient.newBuilder().executor(executor);
		if (key.connectTimeout() != null) {
			builder.connectTimeout(key.connectTimeout());
		}
		if (key.proxy() != null) {
			builder.proxy(ProxySelector.of(new InetSocketAddress(key.proxy().getHost(), key.proxy().getPort())));
		}
		return builder.build();
	}

	private static ExecutorService executor() {
		AtomicInteger threads = new AtomicInteger();
		ThreadFactory threadFactory = (task) -> {
			Thread thread = new Thread(task, "dingtalk-http-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
				threadFactory);
	}

	@Override
	public String toString() {
		return "RobotRequestFactory";
	}

	private record HttpClientKey(@Nullable Duration connectTimeout, @Nullable URI proxy) {

	}

}
