package io.github.dingtalkrobot.internal.webhook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.net.ssl.SSLSocketFactory;

import org.jspecify.annotations.Nullable;

import org.springframework.util.function.SingletonSupplier;

/**
 * The robots' own HTTP/1.1 client: sockets with {@code TCP_NODELAY}, each request written
 * in one piece, and a small pool of idle connections per route. An idle connection is
 * closed after {@link #IDLE_TIMEOUT}, well before servers such as nginx (75 seconds)
 * close it, and checked without blocking before it is used again. A request is never sent
 * twice: a failure before its first byte was written is a
 * {@link RequestNotSentException}; any later failure may have reached DingTalk and is
 * left to the robot's retry policy.
 */
final class RobotHttpTransport {

	/**
	 * How long a connection may stay idle before it is closed.
	 */
	static final Duration IDLE_TIMEOUT = Duration.ofSeconds(20);

	/**
	 * How many idle connections are kept per route; more are closed when released.
	 */
	static final int MAX_IDLE_PER_ROUTE = 8;

	private static final RobotHttpTransport shared = new RobotHttpTransport(
			SingletonSupplier.of(() -> (SSLSocketFactory) SSLSocketFactory.getDefault()), Clock.systemUTC(),
			IDLE_TIMEOUT);

	// One thread for every transport, alive only while idle connections wait to expire
	private static final ScheduledThreadPoolExecutor sweeper = sweeper();

	private final Supplier<SSLSocketFactory> socketFactory;

	private final Clock clock;

	private final Duration idleTimeout;

	private final Map<Route, ArrayDeque<RobotHttpConnection>> idle = new HashMap<>();

	private boolean sweepScheduled;

	/**
	 * Create a transport.
	 * @param socketFactory supplies the factory of TLS sockets, on the first HTTPS
	 * request
	 * @param clock the clock that idle times are measured with
	 * @param idleTimeout how long a connection may stay idle
	 */
	RobotHttpTransport(Supplier<SSLSocketFactory> socketFactory, Clock clock, Duration idleTimeout) {
		this.socketFactory = socketFactory;
		this.clock = clock;
		this.idleTimeout = idleTimeout;
	}

	/**
	 * Return the transport of every robot, which trusts the JVM's default certificates.
	 * @return the shared transport
	 */
	static RobotHttpTransport shared() {
		return shared;
	}

	/**
	 * Send a request and read the head of its answer.
	 * @param route where the request goes
	 * @param connectTimeout how long to wait for a new connection
	 * @param readTimeout how long to wait for each read of the answer
	 * @param request the whole request: request line, headers and body
	 * @param length the length of the request in {@code request}
	 * @param bodiless whether the answer has no body whatever its headers say
	 * @return the answer, whose body is still to be read
	 * @throws RequestNotSentException if no connection could be made
	 * @throws IOException if the request or its answer failed after the request was
	 * written, or while it was
	 */
	RobotClientHttpResponse exchange(Route route, Duration connectTimeout, Duration readTimeout, byte[] request,
			int length, boolean bodiless) throws IOException {
		RobotHttpConnection connection = acquire(route, connectTimeout, readTimeout);
		try {
			connection.readTimeout(readTimeout);
			connection.write(request, length);
			return new RobotClientHttpResponse(ResponseHead.read(connection), connection, bodiless,
					(done) -> release(route, done));
		}
		catch (IOException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
	}

	private RobotHttpConnection acquire(Route route, Duration connectTimeout, Duration readTimeout)
			throws RequestNotSentException {
		for (RobotHttpConnection connection = pollIdle(route); connection != null; connection = pollIdle(route)) {
			if (!expired(connection, this.clock.millis()) && connection.isQuiet()) {
				return connection;
			}
			connection.close();
		}
		return open(route, connectTimeout, readTimeout);
	}

	private @Nullable RobotHttpConnection pollIdle(Route route) {
		synchronized (this.idle) {
			ArrayDeque<RobotHttpConnection> connections = this.idle.get(route);
			// The most recently used connection is the least likely to have been closed
			return (connections != null) ? connections.pollLast() : null;
		}
	}

	private RobotHttpConnection open(Route route, Duration connectTimeout, Duration readTimeout)
			throws RequestNotSentException {
		URI proxy = route.proxy();
		String host = (proxy != null) ? proxy.getHost() : route.host();
		int port = (proxy != null) ? proxy.getPort() : route.port();
		InetSocketAddress address = new InetSocketAddress(host, port);
		if (address.isUnresolved()) {
			throw new RequestNotSentException("Could not resolve " + host, new UnknownHostException(host));
		}
		RobotHttpConnection connection;
		try {
			connection = RobotHttpConnection.open(address, connectTimeout);
		}
		catch (IOException ex) {
			throw new RequestNotSentException("Could not connect to " + host + ":" + port, ex);
		}
		if (!route.secure()) {
			return connection;
		}
		try {
			if (proxy != null) {
				tunnel(connection, route, readTimeout);
			}
			return connection.startTls(this.socketFactory.get(), route.host(), route.port(), readTimeout);
		}
		catch (RequestNotSentException ex) {
			connection.close();
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			connection.close();
			throw new RequestNotSentException("Could not open a TLS connection to " + route.host() + ":" + route.port(),
					ex);
		}
	}

	// Asks the proxy for a tunnel to an HTTPS target, which TLS then goes through
	private static void tunnel(RobotHttpConnection connection, Route route, Duration readTimeout) throws IOException {
		String authority = route.host() + ":" + route.port();
		byte[] request = ("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1);
		connection.readTimeout(readTimeout);
		connection.write(request, request.length);
		int status = ResponseHead.read(connection).status();
		if (status / 100 != 2) {
			throw new RequestNotSentException("The proxy refused a tunnel to " + authority + " with HTTP " + status);
		}
	}

	private void release(Route route, RobotHttpConnection connection) {
		connection.idleSince(this.clock.millis());
		boolean kept;
		boolean schedule = false;
		synchronized (this.idle) {
			ArrayDeque<RobotHttpConnection> connections = this.idle.computeIfAbsent(route, (key) -> new ArrayDeque<>());
			kept = connections.size() < MAX_IDLE_PER_ROUTE;
			if (kept) {
				connections.addLast(connection);
				schedule = !this.sweepScheduled;
				this.sweepScheduled = true;
			}
		}
		if (!kept) {
			connection.close();
		}
		if (schedule) {
			sweeper.schedule(this::sweep, this.idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	// Closes the connections that have been idle too long, and comes back while others
	// wait
	private void sweep() {
		long now = this.clock.millis();
		List<RobotHttpConnection> expired = new ArrayList<>();
		long nextExpiry = Long.MAX_VALUE;
		synchronized (this.idle) {
			for (Iterator<ArrayDeque<RobotHttpConnection>> routes = this.idle.values().iterator(); routes.hasNext();) {
				ArrayDeque<RobotHttpConnection> connections = routes.next();
				for (Iterator<RobotHttpConnection> it = connections.iterator(); it.hasNext();) {
					RobotHttpConnection connection = it.next();
					if (expired(connection, now)) {
						expired.add(connection);
						it.remove();
					}
					else {
						nextExpiry = Math.min(nextExpiry, connection.idleSince() + this.idleTimeout.toMillis());
					}
				}
				if (connections.isEmpty()) {
					routes.remove();
				}
			}
			this.sweepScheduled = nextExpiry != Long.MAX_VALUE;
		}
		expired.forEach(RobotHttpConnection::close);
		if (nextExpiry != Long.MAX_VALUE) {
			sweeper.schedule(this::sweep, Math.max(1, nextExpiry - now), TimeUnit.MILLISECONDS);
		}
	}

	private boolean expired(RobotHttpConnection connection, long now) {
		return now - connection.idleSince() >= this.idleTimeout.toMillis();
	}

	private static ScheduledThreadPoolExecutor sweeper() {
		ScheduledThreadPoolExecutor sweeper = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "dingtalk-http-idle");
			thread.setDaemon(true);
			return thread;
		});
		sweeper.setKeepAliveTime(1, TimeUnit.SECONDS);
		sweeper.allowCoreThreadTimeOut(true);
		sweeper.setRemoveOnCancelPolicy(true);
		return sweeper;
	}

	/**
	 * Where a request goes, and through which proxy: connections are kept per route.
	 *
	 * @param secure whether the target speaks HTTPS
	 * @param host the target's host
	 * @param port the target's port
	 * @param proxy the HTTP proxy to go through, or {@code null}
	 */
	record Route(boolean secure, String host, int port, @Nullable URI proxy) {

		/**
		 * Return the route of a request.
		 * @param uri the request's URI
		 * @param proxy the HTTP proxy to go through, or {@code null}
		 * @return the route
		 * @throws IllegalArgumentException if the URI is not an absolute http(s) URI with
		 * a host
		 */
		static Route of(URI uri, @Nullable URI proxy) {
			String scheme = uri.getScheme();
			boolean secure = "https".equalsIgnoreCase(scheme);
			if (!secure && !"http".equalsIgnoreCase(scheme) || uri.getHost() == null) {
				throw new IllegalArgumentException("Only absolute http and https URIs with a host can be requested");
			}
			int port = (uri.getPort() != -1) ? uri.getPort() : (secure ? 443 : 80);
			return new Route(secure, uri.getHost(), port, proxy);
		}

	}

}
