package io.github.dingtalkrobot.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The emulator's HTTP server on the loopback interface, with its named worker and delay
 * threads.
 */
final class EmulatorServer {

	private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

	private final HttpServer server;

	private final ExecutorService workers;

	private final ScheduledExecutorService delays;

	private EmulatorServer(HttpServer server, ExecutorService workers, ScheduledExecutorService delays) {
		this.server = server;
		this.workers = workers;
		this.delays = delays;
	}

	/**
	 * Start a server.
	 * @param port the port, or 0 for any free one
	 * @param threads the number of threads handling requests
	 * @param emulator what answers each request to the robot webhook
	 * @param openApi what answers each request to the OpenAPI of app robots
	 * @param inbox what serves the inbox page at the root
	 * @return the running server
	 * @throws UncheckedIOException if the port cannot be bound
	 */
	static EmulatorServer start(int port, int threads, Function<WebhookRequest, EmulatorResponse> emulator,
			HttpHandler openApi, HttpHandler inbox) {
		ExecutorService workers = Executors.newFixedThreadPool(threads, namedDaemonThreads("dingtalk-emulator-"));
		ScheduledExecutorService delays = Executors
			.newSingleThreadScheduledExecutor(namedDaemonThreads("dingtalk-emulator-delay-"));
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(loopback(), port), 0);
			server.setExecutor(workers);
			server.createContext(DingTalkEmulator.PATH, new RobotSendHandler(emulator, delays));
			server.createContext(OpenApiHandler.PATH_PREFIX, openApi);
			server.createContext("/", inbox);
			server.start();
			return new EmulatorServer(server, workers, delays);
		}
		catch (IOException ex) {
			workers.shutdownNow();
			delays.shutdownNow();
			throw new UncheckedIOException("DingTalk emulator could not listen on port " + port, ex);
		}
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * Stop at once: pending delayed answers are dropped and open connections closed.
	 */
	void stop() {
		this.delays.shutdownNow();
		this.server.stop(0);
		this.workers.shutdownNow();
		awaitTermination(this.delays);
		awaitTermination(this.workers);
	}

	private static void awaitTermination(ExecutorService executor) {
		try {
			executor.awaitTermination(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static InetAddress loopback() throws IOException {
		return InetAddress.getByAddress("localhost", new byte[] { 127, 0, 0, 1 });
	}

	private static ThreadFactory namedDaemonThreads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
