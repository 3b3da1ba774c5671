package io.github.dingtalkrobot.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.dingtalkrobot.DeliverySettings;
import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.RateLimit;
import io.github.dingtalkrobot.internal.DefaultDingTalkRobotBuilder;
import io.github.dingtalkrobot.internal.cluster.RedisQueueStores;
import io.github.dingtalkrobot.message.Message;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * What {@link DingTalkRobot#sendAsync sendAsync} costs its caller with the durable queue
 * ({@code dingtalk.cluster.queue=redis}: the message is in a Redis stream on loopback
 * before the call returns) next to the queue in the JVM, in the same run, sampled call by
 * call (read p50 and p99), while the robot's dispatcher delivers to a loopback server.
 * The rate limit is the JVM's and never binds, so that only the queue differs. Each
 * iteration starts with a fresh robot and an empty Redis; the producer is
 * {@link BoundedProducer bounded}, as in {@link SendAsyncBenchmark}, and the teardown
 * fails the run if a call was refused. Run it with
 * {@code ./mvnw -pl benchmarks -am package -DskipTests -Pbenchmark -Djmh.benchmarks=DurableQueueBenchmark}.
 * Internal types on purpose: the queue store is plugged in as the auto-configuration
 * does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xmx1g", "-Dsun.net.httpserver.nodelay=true" })
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DurableQueueBenchmark {

	private static final String TEXT = "CRITICAL disk usage on db-042.prod.example.com is 93% (threshold 90%)";

	@Param({ "memory", "redis" })
	public String queue;

	private final BoundedProducer producer = new BoundedProducer();

	private BenchmarkRedis redis;

	private LettuceConnectionFactory connectionFactory;

	private StringRedisTemplate template;

	private LoopbackServer server;

	private @Nullable RedisQueueStores queues;

	private DingTalkRobot robot;

	@Setup(Level.Trial)
	public void start() throws IOException {
		this.redis = BenchmarkRedis.start();
		this.connectionFactory = this.redis.connectionFactory();
		this.template = new StringRedisTemplate(this.connectionFactory);
		this.server = new LoopbackServer();
	}

	@Setup(Level.Iteration)
	public void startRobot() {
		this.template.execute((connection) -> {
			connection.serverCommands().flushAll();
			return null;
		}, true);
		this.queues = "redis".equals(this.queue)
				? new RedisQueueStores(this.template, "dingtalk", Duration.ofSeconds(30)) : null;
		this.robot = new DefaultDingTalkRobotBuilder("bench").queueStores(this.queues)
			.webhook(this.server.webhook())
			.secret(LoopbackServer.SECRET)
			.rateLimit(new RateLimit(1_000_000, Duration.ofMillis(1), Duration.ZERO))
			.delivery(DeliverySettings.defaults()
				.withQueueCapacity(4 * BoundedProducer.BATCH)
				.withShutdownTimeout(Duration.ofMinutes(2)))
			.build();
	}

	// Not measured: JMH times each sampled call without its invocation fixtures
	@TearDown(Level.Invocation)
	public void keepRoom() {
		this.producer.keepRoom();
	}

	@TearDown(Level.Iteration)
	public void closeRobot() {
		this.robot.close();
		if (this.queues != null) {
			this.queues.close();
		}
		this.producer.endIteration();
	}

	@TearDown(Level.Trial)
	public void stop() throws IOException {
		this.server.close();
		this.connectionFactory.destroy();
		this.redis.close();
	}

	@Benchmark
	public CompletableFuture<DingTalkResponse> sendAsync() {
		return this.producer.sent(this.robot.sendAsync(Message.text(TEXT)));
	}

}
