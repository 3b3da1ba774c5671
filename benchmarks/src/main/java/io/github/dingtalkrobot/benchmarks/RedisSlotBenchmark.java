package io.github.dingtalkrobot.benchmarks;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.dingtalkrobot.RateLimit;
import io.github.dingtalkrobot.internal.cluster.RedisSlotStores;
import io.github.dingtalkrobot.internal.delivery.SlotStore;
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

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The time one slot of a robot's rate limit takes in Redis
 * ({@code dingtalk.cluster.mode=redis}), on loopback, next to a {@code PING} on the same
 * connection as the baseline: the cost of the Lua script beyond one round trip. Sampled,
 * so that JMH prints p50 and p99. Run it with
 * {@code ./mvnw -pl benchmarks -am package -DskipTests -Pbenchmark -Djmh.benchmarks=RedisSlotBenchmark}.
 * Internal types on purpose: a slot acquisition is internal.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 3)
public class RedisSlotBenchmark {

	// A budget that never binds: the benchmark measures taking a slot, not waiting for
	// one
	private static final RateLimit NEVER_BINDS = new RateLimit(Integer.MAX_VALUE, Duration.ofSeconds(60),
			Duration.ZERO);

	private BenchmarkRedis redis;

	private LettuceConnectionFactory connectionFactory;

	private StringRedisTemplate template;

	private SlotStore store;

	@Setup
	public void start() throws IOException {
		this.redis = BenchmarkRedis.start();
		this.connectionFactory = this.redis.connectionFactory();
		this.template = new StringRedisTemplate(this.connectionFactory);
		this.store = new RedisSlotStores(this.template, "dingtalk", 0).create("alerts", "benchmark-token", NEVER_BINDS,
				Clock.systemUTC());
	}

	// Slots in flight pile up within an iteration; start each one without them. Not
	// FLUSHALL: a robot that finds its keys gone holds sending for a window
	@Setup(Level.Iteration)
	public void releaseSlots() {
		this.template.delete(this.template.keys("dingtalk:*:in-flight"));
	}

	@TearDown
	public void stop() throws IOException {
		this.connectionFactory.destroy();
		this.redis.close();
	}

	@Benchmark
	public Object acquireSlot() {
		return this.store.tryAcquire();
	}

	@Benchmark
	public Object ping() {
		return this.template.execute((RedisCallback<Object>) (connection) -> connection.ping());
	}

}
