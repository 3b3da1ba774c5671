package io.github.dingtalkrobot.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.dingtalkrobot.DeliverySettings;
import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.RateLimit;
import io.github.dingtalkrobot.message.Message;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@link DingTalkRobot#sendAsync sendAsync} costs its caller, sampled call by call
 * (read the p50 and the p99), while the robot's dispatcher delivers to a loopback server.
 * The producer is {@link BoundedProducer bounded}: the queue never holds more than two
 * batches, a quarter of its capacity, and the teardown fails the run if a call was
 * refused. Each iteration starts with a fresh robot; closing it delivers what it holds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xmx1g", "-Dsun.net.httpserver.nodelay=true" })
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SendAsyncBenchmark {

	private static final String TEXT = "CRITICAL disk usage on db-042.prod.example.com is 93% (threshold 90%)";

	private final BoundedProducer producer = new BoundedProducer();

	private LoopbackServer server;

	private DingTalkRobot robot;

	@Setup(Level.Trial)
	public void startServer() throws IOException {
		this.server = new LoopbackServer();
	}

	@Setup(Level.Iteration)
	public void startRobot() {
		this.robot = DingTalkRobot.builder("bench")
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
		this.producer.endIteration();
	}

	@TearDown(Level.Trial)
	public void stopServer() {
		this.server.close();
	}

	@Benchmark
	public CompletableFuture<DingTalkResponse> sendAsync() {
		return this.producer.sent(this.robot.sendAsync(Message.text(TEXT)));
	}

}
