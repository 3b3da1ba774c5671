package io.github.dingtalkrobot.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.RateLimit;
import io.github.dingtalkrobot.message.Message;
import io.github.dingtalkrobot.internal.webhook.WebhookSigner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Requests per second of a signed {@link DingTalkRobot#send(Message) robot.send} against
 * a loopback server, next to a plain JDK {@link HttpClient} posting the same, pre-built
 * bytes to the same server: the difference is what the robot costs (signing, URI
 * building, JSON, RestClient and answer checking).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// Without TCP_NODELAY the JDK server's small answers wait for delayed ACKs (about 40 ms
// each), which would hide everything else
@Fork(value = 1, jvmArgsAppend = { "-Xmx256m", "-Dsun.net.httpserver.nodelay=true" })
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 3, time = 5)
public class SendBenchmark {

	private static final String TOKEN = "benchmark-token";

	private static final String SECRET = "SECbenchmark0123456789abcdef";

	private static final byte[] OK = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

	private static final String TEXT = "Deployment of build 4711 finished";

	private ExecutorService serverExecutor;

	private HttpServer server;

	private DingTalkRobot robot;

	private HttpClient httpClient;

	private HttpRequest plainRequest;

	private RestClient restClient;

	private URI signedUri;

	private byte[] body;

	@Setup
	public void start() throws IOException {
		this.serverExecutor = Executors.newFixedThreadPool(2, (runnable) -> new Thread(runnable, "benchmark-server"));
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(this.serverExecutor);
		this.server.createContext("/", SendBenchmark::answer);
		this.server.start();
		String webhook = "http://127.0.0.1:" + this.server.getAddress().getPort() + "/robot/send?access_token=" + TOKEN;
		// A limit that never binds: this measures the cost of a send, not DingTalk's 20 a
		// minute
		this.robot = DingTalkRobot.builder("benchmark")
			.webhook(webhook)
			.secret(SECRET)
			.rateLimit(new RateLimit(Integer.MAX_VALUE, Duration.ofMillis(1), Duration.ZERO))
			.build();
		long timestamp = System.currentTimeMillis();
		String sign = URLEncoder.encode(WebhookSigner.sign(timestamp, SECRET), StandardCharsets.UTF_8);
		this.signedUri = URI.create(webhook + "&timestamp=" + timestamp + "&sign=" + sign);
		this.body = ("{\"msgtype\":\"text\",\"text\":{\"content\":\"" + TEXT + "\"}}").getBytes(StandardCharsets.UTF_8);
		this.httpClient = HttpClient.newHttpClient();
		this.plainRequest = HttpRequest.newBuilder(this.signedUri)
			.header("Content-Type", "application/json;charset=UTF-8")
			.POST(HttpRequest.BodyPublishers.ofByteArray(this.body))
			.build();
		this.restClient = RestClient.create();
	}

	@TearDown
	public void stop() {
		this.server.stop(0);
		this.serverExecutor.shutdownNow();
	}

	@Benchmark
	public DingTalkResponse robotSend() {
		return this.robot.send(Message.text(TEXT));
	}

	@Benchmark
	public HttpResponse<byte[]> plainHttpClient() throws IOException, InterruptedException {
		return this.httpClient.send(this.plainRequest, HttpResponse.BodyHandlers.ofByteArray());
	}

	@Benchmark
	public byte[] plainRestClient() {
		return this.restClient.post()
			.uri(this.signedUri)
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.body)
			.retrieve()
			.body(byte[].class);
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
