package io.github.dingtalkrobot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A DingTalk stand-in on 127.0.0.1: records every request and answers as told,
 * {@code {"errcode":0,"errmsg":"ok"}} unless told otherwise. Register it as an extension
 * for a server per test, or close it yourself.
 */
public final class LoopbackServer implements AfterEachCallback, AutoCloseable {

	public static final String OK = "{\"errcode\":0,\"errmsg\":\"ok\"}";

	static {
		// Without TCP_NODELAY, each small answer waits for a delayed ACK (about 40 ms)
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	private final HttpServer server;

	private final ExecutorService executor;

	private volatile Responder responder = (exchange) -> respond(exchange, 200, "application/json", OK);

	public LoopbackServer() {
		this(2);
	}

	LoopbackServer(int threads) {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.executor = Executors.newFixedThreadPool(threads, new NamedThreadFactory());
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/robot/send";
	}

	public String webhook(String accessToken) {
		return baseUrl() + "?access_token=" + accessToken;
	}

	public void answer(int status, String contentType, String body) {
		this.responder = (exchange) -> respond(exchange, status, contentType, body);
	}

	public void answer(Responder responder) {
		this.responder = responder;
	}

	/**
	 * Hold every answer until the returned latch is released (or ten seconds pass), so
	 * that clients time out reading it.
	 * @return the latch that releases the answers
	 */
	public CountDownLatch answerOnlyWhenReleased() {
		CountDownLatch release = new CountDownLatch(1);
		answer((exchange) -> {
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			respond(exchange, 200, "application/json", OK);
		});
		return release;
	}

	public List<RecordedRequest> requests() {
		return this.requests;
	}

	public RecordedRequest onlyRequest() {
		if (this.requests.size() != 1) {
			throw new AssertionError("Expected one request but got " + this.requests.size());
		}
		return this.requests.get(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
			this.requests.add(new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
					exchange.getRequestURI().getRawQuery(), headers, body));
			this.responder.respond(exchange);
		}
	}

	public static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, (bytes.length > 0) ? bytes.length : -1);
		if (bytes.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		close();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@FunctionalInterface
	public interface Responder {

		void respond(HttpExchange exchange) throws IOException;

	}

	/**
	 * A request as the server saw it.
	 */
	public record RecordedRequest(String method, String path, String rawQuery, Map<String, String> headers,
			byte[] body) {

		public String contentType() {
			return this.headers.get("Content-Type");
		}

		public String bodyText() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		/**
		 * The query parameters, each decoded exactly once, as DingTalk decodes them.
		 */
		public Map<String, String> query() {
			Map<String, String> parameters = new LinkedHashMap<>();
			for (String pair : this.rawQuery.split("&")) {
				int equals = pair.indexOf('=');
				parameters.put(pair.substring(0, equals),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
			return parameters;
		}

	}

	private static final class NamedThreadFactory implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable runnable) {
			Thread thread = new Thread(runnable, "loopback-dingtalk-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
