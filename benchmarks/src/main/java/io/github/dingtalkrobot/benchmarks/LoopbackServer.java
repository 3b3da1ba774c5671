package io.github.dingtalkrobot.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server that answers every request as DingTalk answers a message it
 * accepted, doing as little as it can so that the client's cost shows. It answers with
 * {@code TCP_NODELAY} when the JVM runs with {@code -Dsun.net.httpserver.nodelay=true};
 * otherwise its small answers wait for delayed ACKs (about 40 ms each), which would hide
 * everything else.
 */
final class LoopbackServer implements AutoCloseable {

	static final String TOKEN = "benchmark-token";

	static final String SECRET = "SECbenchmark0123456789abcdef";

	private static final byte[] OK = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

	private final ExecutorService executor = Executors.newFixedThreadPool(2,
			(runnable) -> new Thread(runnable, "benchmark-server"));

	private final HttpServer server;

	LoopbackServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(this.executor);
		this.server.createContext("/", LoopbackServer::answer);
		this.server.start();
	}

	/**
	 * Return the webhook of a robot on this server, without a signature.
	 * @return the webhook
	 */
	String webhook() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/robot/send?access_token=" + TOKEN;
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private static void answer(HttpExchange exchange) throws IOException {
		try (exchange) {
			try (InputStream body = exchange.getRequestBody()) {
				body.transferTo(OutputStream.nullOutputStream());
			}
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, OK.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(OK);
			}
		}
	}

}
