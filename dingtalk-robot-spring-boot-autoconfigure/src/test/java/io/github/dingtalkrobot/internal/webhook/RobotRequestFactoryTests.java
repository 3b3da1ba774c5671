package io.github.dingtalkrobot.internal.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RobotRequestFactory} on a builder that keeps its own HTTP client: the
 * JDK {@code HttpClient} path, over HTTP on loopback. The robots' own transport has
 * {@link RobotHttpTransportTests}.
 */
class RobotRequestFactoryTests {

	private static final String BODY = "{\"msgtype\":\"text\",\"text\":{\"content\":\"deployed\"}}";

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();

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
		AtomicInteger requests = new AtomicInteger();
		ClientHttpRequestFactory builders = new SimpleClientHttpRequestFactory();
		RestClient restClient = new RobotRequestFactory(null, null, null)
			.applyTo(RestClient.builder().requestFactory((uri, method) -> {
				requests.incrementAndGet();
				return builders.createRequest(uri, method);
			}))
			.build();
		restClient.post().uri(uri("/ok")).body(BODY).retrieve().toBodilessEntity();
		assertThat(requests).hasValue(1);
	}

	@Test
	void postsTheBodyAndReadsTheAnswer() {
		String answer = restClient(Duration.ofSeconds(5), Duration.ofSeconds(5)).post()
			.uri(uri("/robot/send?access_token=abc"))
			.body(BODY)
			.retrieve()
			.body(String.class);
		assertThat(answer).isEqualTo("ok");
		assertThat(this.requests).containsExactly("POST /robot/send?access_token=abc " + BODY);
	}

	@Test
	void answersKeepTheConnectionForTheNextRequest() {
		RestClient restClient = restClient(Duration.ofSeconds(5), Duration.ofSeconds(5));
		for (int i = 0; i < 3; i++) {
			restClient.post().uri(uri("/ok")).body(BODY).retrieve().toBodilessEntity();
		}
		assertThat(this.clientPorts).hasSize(3).containsOnly(this.clientPorts.get(0));
	}

	@Test
	void errorAnswerKeepsItsStatusAndBody() {
		ResponseEntity<String> answer = restClient(null, Duration.ofSeconds(5)).post()
			.uri(uri("/error"))
			.body(BODY)
			.exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
				.body(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(answer.getBody()).isEqualTo("busy");
	}

	@Test
	void readTimeoutEndsAnExchangeThatGetsNoAnswer() {
		RestClient restClient = restClient(null, Duration.ofMillis(200));
		assertThatExceptionOfType(ResourceAccessException.class)
			.isThrownBy(() -> restClient.post().uri(uri("/hang")).body(BODY).retrieve().toBodilessEntity())
			.withRootCauseInstanceOf(HttpTimeoutException.class);
	}

	@Test
	void postWhoseConnectionDroppedIsNotSentAgain() {
		RestClient restClient = restClient(Duration.ofSeconds(5), Duration.ofSeconds(5));
		assertThatExceptionOfType(ResourceAccessException.class)
			.isThrownBy(() -> restClient.post().uri(uri("/drop")).body(BODY).retrieve().toBodilessEntity());
		assertThat(this.requests).containsExactly("POST /drop " + BODY);
	}

	@Test
	void requestsGoThroughTheProxy() {
		RestClient restClient = new RobotRequestFactory(null, null,
				URI.create("http://127.0.0.1:" + this.server.getAddress().getPort()))
			.applyTo(RestClient.builder())
			.build();
		String answer = restClient.post()
			.uri("http://dingtalk.invalid/robot/send?access_token=abc")
			.body(BODY)
			.retrieve()
			.body(String.class);
		assertThat(answer).isEqualTo("ok");
		assertThat(this.requests).containsExactly("POST http://dingtalk.invalid/robot/send?access_token=abc " + BODY);
	}

	private RestClient restClient(Duration connectTimeout, Duration readTimeout) {
		return new RobotRequestFactory(connectTimeout, readTimeout, null).applyTo(RestClient.builder()).build();
	}

	private URI uri(String pathAndQuery) {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + pathAndQuery);
	}

	private void answer(HttpExchange exchange) throws IOException {
		try (exchange) {
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			this.requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body);
			this.clientPorts.add(exchange.getRemoteAddress().getPort());
			String path = exchange.getRequestURI().getPath();
			if (path.equals("/drop")) {
				// Closing the exchange without an answer drops the connection
				return;
			}
			if (path.equals("/hang")) {
				awaitRelease();
			}
			boolean error = path.equals("/error");
			byte[] answer = (error ? "busy" : "ok").getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(error ? 503 : 200, answer.length);
			exchange.getResponseBody().write(answer);
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
