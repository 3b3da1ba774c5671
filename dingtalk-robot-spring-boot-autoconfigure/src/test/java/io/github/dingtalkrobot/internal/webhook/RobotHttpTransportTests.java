package io.github.dingtalkrobot.internal.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import io.github.dingtalkrobot.emulator.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link RobotHttpTransport} and its {@link RobotClientHttpRequestFactory},
 * under a {@link RestClient}, against a {@link RawHttpServer} on loopback that counts
 * connections.
 */
class RobotHttpTransportTests {

	private static final String BODY = "{\"msgtype\":\"text\",\"text\":{\"content\":\"deployed\"}}";

	private static final String SECRET_QUERY = "?access_token=tok-transport-7f3a&sign=c2lnbmF0dXJl";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private static final SSLContext TLS = RawHttpServer.tls();

	private final RobotHttpTransport transport = new RobotHttpTransport(TLS::getSocketFactory, this.clock,
			RobotHttpTransport.IDLE_TIMEOUT);

	private final List<RawHttpServer> servers = new ArrayList<>();

	@AfterEach
	void closeServers() throws IOException {
		for (RawHttpServer server : this.servers) {
			server.close();
		}
	}

	@Test
	void sequentialRequestsShareOneConnection() {
		RawHttpServer server = plain();
		RestClient restClient = restClient(null);
		for (int i = 0; i < 5; i++) {
			assertThat(post(restClient, server.uri("http", "127.0.0.1", "/robot/send" + SECRET_QUERY)))
				.isEqualTo(RawHttpServer.OK);
		}
		assertThat(server.connections()).isOne();
		assertThat(server.requests()).hasSize(5).allSatisfy((request) -> {
			assertThat(request.requestLine()).isEqualTo("POST /robot/send" + SECRET_QUERY + " HTTP/1.1");
			assertThat(request.headers()).containsEntry("host", "127.0.0.1:" + server.port())
				.containsEntry("content-length", String.valueOf(BODY.length()))
				.containsEntry("content-type", "application/json");
			assertThat(request.body()).isEqualTo(BODY);
		});
	}

	@Test
	void connectionTheServerClosedWhileIdleIsReplacedAndTheRequestDeliveredOnce() {
		RawHttpServer server = plain();
		RestClient restClient = restClient(null);
		post(restClient, server.uri("http", "127.0.0.1", "/close-when-idle"));
		await().until(() -> server.closedConnections() == 1);
		assertThat(post(restClient, server.uri("http", "127.0.0.1", "/robot/send"))).isEqualTo(RawHttpServer.OK);
		assertThat(server.connections()).isEqualTo(2);
		assertThat(server.requests()).extracting(RawHttpServer.Request::path)
			.containsExactly("/close-when-idle", "/robot/send");
	}

	@Test
	void connectionDroppedAfterTheRequestWasWrittenFailsAsMaybeDeliveredAndIsNotSentAgain() {
		RawHttpServer server = plain();
		RestClient restClient = restClient(null);
		post(restClient, server.uri("http", "127.0.0.1", "/robot/send"));
		ResourceAccessException ex = catchThrowableOfType(ResourceAccessException.class,
				() -> post(restClient, server.uri("http", "127.0.0.1", "/drop" + SECRET_QUERY)));
		assertThat(TransportFailures.neverSent(ex)).isFalse();
		assertThat(server.requests()).extracting(RawHttpServer.Request::path).containsExactly("/robot/send", "/drop");
		assertNoSecretsBelowSpring(ex);
	}

	@Test
	void chunkedAnswerIsReadAndKeepsTheConnection() {
		RawHttpServer server = plain();
		RestClient restClient = restClient(null);
		assertThat(post(restClient, server.uri("http", "127.0.0.1", "/chunked")))
			.isEqualTo("{\"errcode\":0,\"errmsg\":\"chunked\"}");
		assertThat(post(restClient, server.uri("http", "127.0.0.1", "/robot/send"))).isEqualTo(RawHttpServer.OK);
		assertThat(server.connections()).isOne();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/close", "/until-close" })
	void answerThatEndsTheConnectionIsReadAndTheNextRequestOpensANewOne(String path) {
		// With Connection: close, and without a length, read to the end of the connection
		RawHttpServer server = plain();
		RestClient restClient = restClient(null);
		assertThat(post(restClient, server.uri("http", "127.0.0.1", path))).isEqualTo(RawHttpServer.OK);
		assertThat(post(restClient, server.uri("http", "127.0.0.1", "/robot/send"))).isEqualTo(RawHttpServer.OK);
		assertThat(server.connections()).isEqualTo(2);
		assertThat(server.requests()).hasSize(2);
	}

	@Test
	void getRequestHasNoBodyAndNoLength() {
		RawHttpServer server = plain();
		ResponseEntity<String> answer = restClient(null).get()
			.uri(server.uri("http", "127.0.0.1", "/robot/send"))
			.exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
				.body(new String(response.getBody().readAllBytes())));
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(answer.getBody()).isEqualTo(RawHttpServer.OK);
		assertThat(server.requests()).singleElement().satisfies((request) -> {
			assertThat(request.requestLine()).startsWith("GET /robot/send ");
			assertThat(request.headers()).doesNotContainKey("content-length");
		});
	}

	@Test
	void readTimeoutFailsAsMaybeDeliveredWithoutSecrets() {
		RawHttpServer server = plain();
		RestClient restClient = RestClient.builder()
			.requestFactory(new RobotClientHttpRequestFactory(this.transport, Duration.ofSeconds(5),
					Duration.ofMillis(200), null))
			.build();
		ResourceAccessException ex = catchThrowableOfType(ResourceAccessException.class,
				() -> post(restClient, server.uri("http", "127.0.0.1", "/hang" + SECRET_QUERY)));
		assertThat(ex).hasRootCauseInstanceOf(SocketTimeoutException.class);
		assertThat(TransportFailures.neverSent(ex)).isFalse();
		assertThat(server.requests()).hasSize(1);
		assertNoSecretsBelowSpring(ex);
	}

	@Test
	void refusedConnectionFailsAsNeverSent() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		ResourceAccessException ex = catchThrowableOfType(ResourceAccessException.class, () -> post(restClient(null),
				URI.create("http://127.0.0.1:" + closedPort + "/robot/send" + SECRET_QUERY)));
		assertThat(ex.getCause()).isInstanceOf(RequestNotSentException.class)
			.hasMessageStartingWith("Could not connect to 127.0.0.1:" + closedPort);
		assertThat(TransportFailures.neverSent(ex)).isTrue();
		assertNoSecretsBelowSpring(ex);
	}

	@Test
	void requestHeaderWithALineBreakIsRefusedBeforeAnythingIsSent() {
		RawHttpServer server = plain();
		ResourceAccessException ex = catchThrowableOfType(ResourceAccessException.class,
				() -> restClient(null).post()
					.uri(server.uri("http", "127.0.0.1", "/robot/send"))
					.header("X-Smuggled", "a\r\nX-Other: b")
					.body(BODY)
					.retrieve()
					.toBodilessEntity());
		assertThat(TransportFailures.neverSent(ex)).isTrue();
		assertThat(server.connections()).isZero();
	}

	@Test
	void concurrentRequestsNeverShareAConnection() throws Exception {
		RawHttpServer server = plain();
		RestClient restClient = restClient(null);
		ExecutorService senders = Executors.newFixedThreadPool(8);
		try {
			List<Callable<List<String>>> tasks = new ArrayList<>();
			for (int sender = 0; sender < 8; sender++) {
				int id = sender;
				tasks.add(() -> {
					List<String> answers = new ArrayList<>();
					for (int i = 0; i < 25; i++) {
						answers.add(restClient.post()
							.uri(server.uri("http", "127.0.0.1", "/echo"))
							.body("message " + id + "-" + i)
							.retrieve()
							.body(String.class));
					}
					return answers;
				});
			}
			List<Future<List<String>>> results = senders.invokeAll(tasks);
			for (int sender = 0; sender < 8; sender++) {
				List<String> expected = new ArrayList<>();
				for (int i = 0; i < 25; i++) {
					expected.add("message " + sender + "-" + i);
				}
				assertThat(results.get(sender).get()).isEqualTo(expected);
			}
		}
		finally {
			senders.shutdownNow();
		}
		assertThat(server.requests()).hasSize(200);
		assertThat(server.connections()).isBetween(1, 8);
	}

	@Test
	void idleConnectionIsClosedAfterTheIdleTimeout() {
		RawHttpServer server = plain();
		RobotHttpTransport quicklyIdle = new RobotHttpTransport(TLS::getSocketFactory, this.clock,
				Duration.ofMillis(50));
		RestClient restClient = RestClient.builder()
			.requestFactory(
					new RobotClientHttpRequestFactory(quicklyIdle, Duration.ofSeconds(5), Duration.ofSeconds(5), null))
			.build();
		post(restClient, server.uri("http", "127.0.0.1", "/robot/send"));
		assertThat(server.closedConnections()).isZero();
		this.clock.advance(Duration.ofMillis(50));
		await().until(() -> server.closedConnections() == 1);
	}

	@Test
	void connectionIdleForTheIdleTimeoutIsNotUsedAgain() {
		RawHttpServer server = plain();
		RestClient restClient = restClient(null);
		post(restClient, server.uri("http", "127.0.0.1", "/robot/send"));
		this.clock.advance(RobotHttpTransport.IDLE_TIMEOUT);
		post(restClient, server.uri("http", "127.0.0.1", "/robot/send"));
		assertThat(server.connections()).isEqualTo(2);
		await().until(() -> server.closedConnections() == 1);
	}

	@Test
	void httpsRequestChecksTheCertificateAndSendsTheServerName() {
		RawHttpServer server = secure();
		RestClient restClient = restClient(null);
		for (int i = 0; i < 2; i++) {
			assertThat(post(restClient, server.uri("https", "localhost", "/robot/send"))).isEqualTo(RawHttpServer.OK);
		}
		assertThat(server.connections()).isOne();
		assertThat(server.serverNames()).containsExactly("localhost");
		assertThat(server.requests()).extracting(RawHttpServer.Request::requestLine)
			.containsOnly("POST /robot/send HTTP/1.1");
	}

	@Test
	void httpsToAHostTheCertificateDoesNotNameIsRefusedBeforeAnythingIsSent() {
		RawHttpServer server = secure();
		ResourceAccessException ex = catchThrowableOfType(ResourceAccessException.class, () -> post(restClient(null),
				server.uri("https", server.address().getHostAddress(), "/robot/send" + SECRET_QUERY)));
		assertThat(ex).hasCauseInstanceOf(RequestNotSentException.class)
			.hasRootCauseInstanceOf(java.security.cert.CertificateException.class);
		assertThat(causes(ex)).hasAtLeastOneElementOfType(SSLHandshakeException.class);
		assertThat(TransportFailures.neverSent(ex)).isTrue();
		assertThat(server.requests()).isEmpty();
		assertNoSecretsBelowSpring(ex);
	}

	@Test
	void plainRequestGoesThroughTheProxyInAbsoluteForm() {
		RawHttpServer proxy = plain();
		RestClient restClient = restClient(URI.create("http://127.0.0.1:" + proxy.port()));
		for (int i = 0; i < 2; i++) {
			assertThat(post(restClient, URI.create("http://dingtalk.invalid/robot/send" + SECRET_QUERY)))
				.isEqualTo(RawHttpServer.OK);
		}
		assertThat(proxy.connections()).isOne();
		assertThat(proxy.requests()).hasSize(2).allSatisfy((request) -> {
			assertThat(request.requestLine())
				.isEqualTo("POST http://dingtalk.invalid/robot/send" + SECRET_QUERY + " HTTP/1.1");
			assertThat(request.headers()).containsEntry("host", "dingtalk.invalid");
		});
	}

	@Test
	void httpsRequestGoesThroughAProxyTunnel() {
		RawHttpServer server = secure();
		RawHttpServer proxy = plain().tunnelTo(server.port());
		RestClient restClient = restClient(URI.create("http://127.0.0.1:" + proxy.port()));
		for (int i = 0; i < 2; i++) {
			assertThat(post(restClient, server.uri("https", "localhost", "/robot/send" + SECRET_QUERY)))
				.isEqualTo(RawHttpServer.OK);
		}
		assertThat(proxy.requests()).extracting(RawHttpServer.Request::requestLine)
			.containsExactly("CONNECT localhost:" + server.port() + " HTTP/1.1");
		assertThat(server.serverNames()).containsExactly("localhost");
		assertThat(server.requests()).extracting(RawHttpServer.Request::requestLine)
			.containsExactly("POST /robot/send" + SECRET_QUERY + " HTTP/1.1",
					"POST /robot/send" + SECRET_QUERY + " HTTP/1.1");
	}

	@Test
	void tunnelRefusedByTheProxyFailsAsNeverSent() {
		RawHttpServer proxy = plain();
		ResourceAccessException ex = catchThrowableOfType(ResourceAccessException.class,
				() -> post(restClient(URI.create("http://127.0.0.1:" + proxy.port())),
						URI.create("https://oapi.dingtalk.invalid/robot/send" + SECRET_QUERY)));
		assertThat(ex.getCause()).isInstanceOf(RequestNotSentException.class)
			.hasMessage("The proxy refused a tunnel to oapi.dingtalk.invalid:443 with HTTP 403");
		assertThat(TransportFailures.neverSent(ex)).isTrue();
	}

	private RawHttpServer plain() {
		RawHttpServer server = RawHttpServer.plain();
		this.servers.add(server);
		return server;
	}

	private RawHttpServer secure() {
		RawHttpServer server = RawHttpServer.secure();
		this.servers.add(server);
		return server;
	}

	private RestClient restClient(URI proxy) {
		return RestClient.builder()
			.requestFactory(new RobotClientHttpRequestFactory(this.transport, Duration.ofSeconds(5),
					Duration.ofSeconds(5), proxy))
			.build();
	}

	private static String post(RestClient restClient, URI uri) {
		return restClient.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.body(BODY)
			.retrieve()
			.body(String.class);
	}

	private static List<Throwable> causes(Throwable ex) {
		List<Throwable> causes = new ArrayList<>();
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			causes.add(cause);
		}
		return causes;
	}

	// Spring's own exception names the URL; what the transport throws must not
	private static void assertNoSecretsBelowSpring(ResourceAccessException ex) {
		assertThat(causes(ex)).isNotEmpty()
			.allSatisfy((cause) -> assertThat(String.valueOf(cause)).doesNotContain("tok-transport-7f3a")
				.doesNotContain("c2lnbmF0dXJl")
				.doesNotContain("/robot/send"));
	}

}
