package io.github.dingtalkrobot.internal.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RobotRequestFactory}, over HTTP on loopback.
 */
class RobotRequestFactoryTests {

	private final List<String> requestLines = new CopyOnWriteArrayList<>();

	private final CountDownLatch release = new CountDownLatch(1);

	private HttpServer server;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::answer);
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.release.countDown();
		this.server.stop(0);
	}

	@Test
	void robotWithoutTimeoutsOrProxyKeepsItsBuildersRequestFactory() {
		assertThat(RobotRequestFactory.create(null, null, null)).isNull();
	}

	@Test
	void requestBodiesAreWrittenOnPooledThreads() {
		RestClient restClient = RestClient.builder()
			.requestFactory(RobotRequestFactory.create(Duration.ofSeconds(5), Duration.ofSeconds(5), null))
			.build();
		Set<String> writers = ConcurrentHashMap.newKeySet();
		for (int i = 0; i < 10; i++) {
			String answer = restClient.post().uri(uri("/ok")).body((body) -> {
				writers.add(Thread.currentThread().getName());
				body.write("{}".getBytes(StandardCharsets.UTF_8));
			}).retrieve().body(String.class);
			assertThat(answer).isEqualTo("ok");
		}
		assertThat(writers).allSatisfy((writer) -> assertThat(writer).startsWith("dingtalk-http-")).hasSizeLessThan(10);
	}

	@Test
	void readTimeoutEndsAnExchangeThatGetsNoAnswer() {
		RestClient restClient = RestClient.builder()
			.requestFactory(RobotRequestFactory.create(null, Duration.ofMillis(200), null))
			.build();
		assertThatExceptionOfType(ResourceAccessException.class)
			.isThrownBy(() -> restClient.post().uri(uri("/hang")).body("{}").retrieve().toBodilessEntity())
			.withRootCauseInstanceOf(HttpTimeoutException.class);
	}

	@Test
	void requestsGoThroughTheProxy() {
		ClientHttpRequestFactory requestFactory = RobotRequestFactory.create(null, null,
				URI.create("http://127.0.0.1:" + this.server.getAddress().getPort()));
		RestClient restClient = RestClient.builder().requestFactory(requestFactory).build();
		String answer = restClient.post()
			.uri("http://dingtalk.invalid/robot/send?access_token=abc")
			.body("{}")
			.retrieve()
			.body(String.class);
		assertThat(answer).isEqualTo("ok");
		assertThat(this.requestLines).containsExactly("POST http://dingtalk.invalid/robot/send?access_token=abc");
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + path);
	}

	private void answer(HttpExchange exchange) throws IOException {
		try (exchange) {
			this.requestLines.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
			try (InputStream body = exchange.getRequestBody()) {
				body.transferTo(OutputStream.nullOutputStream());
			}
			if (exchange.getRequestURI().getPath().equals("/hang")) {
				awaitRelease();
			}
			byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, ok.length);
			exchange.getResponseBody().write(ok);
		}
	}

	private void awaitRelease() {
		try {
			this.release.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
