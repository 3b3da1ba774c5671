package io.github.dingtalkrobot.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.dingtalk.api.DefaultDingTalkClient;
import com.dingtalk.api.request.OapiRobotSendRequest;
import com.dingtalk.api.response.OapiRobotSendResponse;
import com.taobao.api.ApiException;
import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.RateLimit;
import io.github.dingtalkrobot.internal.webhook.RobotRequestFactory;
import io.github.dingtalkrobot.message.Message;
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

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Signed text messages per second, one at a time, on one loopback server: DingTalk's
 * official SDK ({@code com.aliyun:alibaba-dingtalk-service-sdk}), the robots a Spring
 * Boot application gets, and plain {@link RestClient}s on the same request factories as
 * those robots, posting pre-built bytes to a pre-signed URI. A robot against the SDK is
 * what a user gains or loses by switching; a robot against the plain {@code RestClient}
 * on its own request factory is what this library's layer costs (signing, JSON, keywords,
 * the rate limit and answer checking).
 * <ul>
 * <li>{@code robotFromProperties}: the default set-up, the bean of
 * {@code dingtalk.robots.bench.*} with nothing else set, which sends through the robots'
 * own transport; {@code restClientOnOwnTransport} is its baseline, on Boot's builder with
 * the same (internal) request factory</li>
 * <li>{@code robotOnOwnTransport}: a robot from {@code DingTalkRobot.builder(..)} without
 * a {@code RestClient.Builder}, also on the robots' own transport</li>
 * <li>{@code robotOnBootRequestFactory}: a robot given Boot's builder, without timeouts,
 * which keeps Boot's request factory; {@code restClientOnBootRequestFactory} is its
 * baseline</li>
 * <li>{@code robotWithTimeouts}: a robot given Boot's builder and timeouts, which puts
 * them on the JDK {@code HttpClient}; {@code restClientOnJdkHttpClient} is its baseline,
 * on the same request factory</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// Three forks: on a two-core machine one fork differs from the next by up to half its
// score, as the JIT and the loopback server's threads settle differently
@Fork(value = 3, jvmArgsAppend = { "-Xmx256m", "-Dsun.net.httpserver.nodelay=true" })
// A long warmup: the robots' code paths are longer than the baselines', so on a busy
// machine they reach compiled code later, and a short warmup measures the JIT. The JDK
// HttpClient's benchmarks warm up for twice as long: on a two-core machine they still
// speed up, from about 300 to 1,600 messages a second, through their first 30 seconds
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 2)
public class TransportBenchmark {

	private static final String TEXT = "Deployment of build 4711 finished";

	// A limit that never binds: this measures the cost of a send, not DingTalk's 20 a
	// minute
	private static final RateLimit UNLIMITED = new RateLimit(1_000_000, Duration.ofMillis(1), Duration.ZERO);

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

	private final byte[] body = ("{\"msgtype\":\"text\",\"text\":{\"content\":\"" + TEXT + "\"}}")
		.getBytes(StandardCharsets.UTF_8);

	private LoopbackServer server;

	private ConfigurableApplicationContext context;

	private DingTalkRobot robotFromProperties;

	private DingTalkRobot robotOnBootRequestFactory;

	private DingTalkRobot robotWithTimeouts;

	private DingTalkRobot robotOnOwnTransport;

	private RestClient restClientOnBootRequestFactory;

	private RestClient restClientOnJdkHttpClient;

	private RestClient restClientOnOwnTransport;

	private URI signedUri;

	@Setup
	public void start() throws IOException {
		this.server = new LoopbackServer();
		String webhook = this.server.webhook();
		this.context = new SpringApplicationBuilder(StartupApplication.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("spring.main.banner-mode=off", "logging.level.root=WARN",
					"dingtalk.robots.bench.webhook=" + webhook, "dingtalk.robots.bench.secret=" + LoopbackServer.SECRET,
					"dingtalk.robots.bench.rate-limit.messages=" + UNLIMITED.messages(),
					"dingtalk.robots.bench.rate-limit.window=" + UNLIMITED.window().toMillis() + "ms",
					"dingtalk.robots.bench.rate-limit.max-wait=0s")
			.run();
		this.robotFromProperties = this.context.getBean(DingTalkRobot.class);
		RestClient.Builder bootBuilder = this.context.getBean(RestClient.Builder.class);
		this.robotOnBootRequestFactory = robot(webhook).restClientBuilder(bootBuilder.clone()).build();
		this.robotWithTimeouts = robot(webhook).restClientBuilder(bootBuilder.clone())
			.connectTimeout(CONNECT_TIMEOUT)
			.readTimeout(READ_TIMEOUT)
			.build();
		this.robotOnOwnTransport = robot(webhook).build();
		RobotRequestFactory requestFactory = new RobotRequestFactory(CONNECT_TIMEOUT, READ_TIMEOUT, null);
		this.restClientOnBootRequestFactory = bootBuilder.clone().build();
		this.restClientOnJdkHttpClient = requestFactory.applyTo(bootBuilder.clone()).build();
		this.restClientOnOwnTransport = bootBuilder.clone().requestFactory(requestFactory.transport()).build();
		this.signedUri = URI.create(Signatures.sign(webhook, LoopbackServer.SECRET));
	}

	private static DingTalkRobot.Builder robot(String webhook) {
		return DingTalkRobot.builder("bench").webhook(webhook).secret(LoopbackServer.SECRET).rateLimit(UNLIMITED);
	}

	@TearDown
	public void stop() {
		this.robotOnBootRequestFactory.close();
		this.robotWithTimeouts.close();
		this.robotOnOwnTransport.close();
		this.context.close();
		this.server.close();
	}

	@Benchmark
	public OapiRobotSendResponse officialSdk() throws ApiException {
		DefaultDingTalkClient client = new DefaultDingTalkClient(
				Signatures.sign(this.server.webhook(), LoopbackServer.SECRET));
		OapiRobotSendRequest request = new OapiRobotSendRequest();
		request.setMsgtype("text");
		OapiRobotSendRequest.Text text = new OapiRobotSendRequest.Text();
		text.setContent(TEXT);
		request.setText(text);
		return client.execute(request);
	}

	@Benchmark
	public DingTalkResponse robotFromProperties() {
		return this.robotFromProperties.send(Message.text(TEXT));
	}

	@Benchmark
	@Warmup(iterations = 10, time = 3)
	public DingTalkResponse robotOnBootRequestFactory() {
		return this.robotOnBootRequestFactory.send(Message.text(TEXT));
	}

	@Benchmark
	@Warmup(iterations = 10, time = 3)
	public byte[] restClientOnBootRequestFactory() {
		return post(this.restClientOnBootRequestFactory);
	}

	@Benchmark
	@Warmup(iterations = 10, time = 3)
	public DingTalkResponse robotWithTimeouts() {
		return this.robotWithTimeouts.send(Message.text(TEXT));
	}

	@Benchmark
	@Warmup(iterations = 10, time = 3)
	public byte[] restClientOnJdkHttpClient() {
		return post(this.restClientOnJdkHttpClient);
	}

	@Benchmark
	public DingTalkResponse robotOnOwnTransport() {
		return this.robotOnOwnTransport.send(Message.text(TEXT));
	}

	@Benchmark
	public byte[] restClientOnOwnTransport() {
		return post(this.restClientOnOwnTransport);
	}

	private byte[] post(RestClient restClient) {
		return restClient.post()
			.uri(this.signedUri)
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.body)
			.retrieve()
			.body(byte[].class);
	}

}
