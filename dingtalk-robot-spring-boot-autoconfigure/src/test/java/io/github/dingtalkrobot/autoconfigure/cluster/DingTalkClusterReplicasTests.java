package io.github.dingtalkrobot.autoconfigure.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.github.dingtalkrobot.DingTalkRateLimitedException;
import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.EmbeddedRedis;
import io.github.dingtalkrobot.autoconfigure.DingTalkRobotAutoConfiguration;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.emulator.RecordedRequest;
import io.github.dingtalkrobot.emulator.ScaledClock;
import io.github.dingtalkrobot.internal.cluster.RedisSlotStores;
import io.github.dingtalkrobot.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Three replicas, each an application context with its own connection to one real Redis
 * server, post to one robot of the emulator. The emulator applies DingTalk's real rule
 * (20 messages in any 60 seconds) on a clock 60 times faster than real time, so the
 * robots' window is one second of Redis's clock.
 */
@ExtendWith(OutputCaptureExtension.class)
class DingTalkClusterReplicasTests {

	private static final String TOKEN = "3c1f0e9d8b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d";

	private static final int PER_REPLICA = 15;

	@RegisterExtension
	static final EmbeddedRedis redis = new EmbeddedRedis();

	private final DingTalkEmulator emulator = DingTalkEmulator.builder()
		.clock(new ScaledClock(Instant.now(), 60))
		.build()
		.start();

	private final EmulatedRobot ops = this.emulator.registerRobot("ops", TOKEN);

	private final StringRedisTemplate template = redis.template();

	private final ApplicationContextRunner replica = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(DingTalkRobotAutoConfiguration.class, DingTalkClusterAutoConfiguration.class))
		.withBean(RedisConnectionFactory.class, redis::connectionFactory)
		.withPropertyValues("spring.main.banner-mode=off", "dingtalk.cluster.mode=redis",
				"dingtalk.robots.ops.webhook=" + this.ops.webhook(), "dingtalk.robots.ops.rate-limit.window=1s",
				"dingtalk.robots.ops.delivery.coalesce=false");

	@AfterEach
	void stopEmulator() {
		this.emulator.close();
	}

	@Test
	void replicasStayWithinOneBudgetAndDeliverEveryMessageOnce() {
		this.replica.run((first) -> this.replica.run((second) -> this.replica.run((third) -> {
			List<CompletableFuture<DingTalkResponse>> sent = burst(first, second, third);
			CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get();
			assertEveryMessageArrivedOnceWithinTheLimit();
		})));
	}

	@Test
	void throttleAnsweredToOneReplicaPausesAllThree() {
		this.ops.failNext(1).withErrcode(130101);
		this.replica.withPropertyValues("dingtalk.robots.ops.rate-limit.max-wait=200ms")
			.run((first) -> this.replica.run((second) -> this.replica.run((third) -> {
				assertThatExceptionOfType(DingTalkRateLimitedException.class)
					.isThrownBy(() -> robot(first).sendText("first"))
					.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(130101));
				Instant pausedUntil = robot(first).state().pausedUntil();
				assertThat(pausedUntil).isNotNull();
				for (AssertableApplicationContext replica : List.of(second, third)) {
					assertThat(robot(replica).state().pausedUntil()).isNotNull()
						.isBetween(pausedUntil.minusSeconds(5), pausedUntil.plusSeconds(5));
					assertThatExceptionOfType(DingTalkRateLimitedException.class)
						.isThrownBy(() -> robot(replica).sendText("paused"))
						.withMessageContaining("paused");
				}
				assertThat(this.ops.requests()).hasSize(1);
			})));
	}

	@Test
	void redisStoppedInTheMiddleOfABurstLosesNothingAndKeepsTheLimit(CapturedOutput output) {
		this.replica.run((first) -> this.replica.run((second) -> this.replica.run((third) -> {
			List<CompletableFuture<DingTalkResponse>> sent = burst(first, second, third);
			await().atMost(Duration.ofSeconds(30)).until(() -> this.ops.receivedMessages().size() >= 10);
			redis.stop();
			try {
				await().atMost(Duration.ofSeconds(30))
					.until(() -> List.of(first, second, third)
						.stream()
						.anyMatch((replica) -> !replica.getBean(RedisSlotStores.class).isAvailable()));
			}
			finally {
				redis.start();
			}
			CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get();
			assertEveryMessageArrivedOnceWithinTheLimit();
			assertThat(output).contains("cannot reach Redis, which keeps its rate limit").doesNotContain(TOKEN);
		})));
	}

	@Test
	void everyKeyExpiresAndNoKeyOrValueHoldsTheToken() {
		this.replica.run((first) -> this.replica.run((second) -> {
			robot(first).sendText("one");
			robot(second).sendText("two");
			robot(second).sendAsync(Message.text("three")).get();
		}));
		Set<String> keys = this.template.keys("*");
		assertThat(keys).isNotEmpty().allSatisfy((key) -> {
			assertThat(key).startsWith("dingtalk:{").doesNotContain(TOKEN);
			assertThat(this.template.getExpire(key)).isPositive();
			String dump = switch (this.template.type(key)) {
				case ZSET -> String.valueOf(this.template.opsForZSet().rangeWithScores(key, 0, -1));
				default -> String.valueOf(this.template.opsForValue().get(key));
			};
			assertThat(dump).doesNotContain(TOKEN.substring(0, 12));
		});
	}

	private List<CompletableFuture<DingTalkResponse>> burst(AssertableApplicationContext... replicas) {
		List<CompletableFuture<DingTalkResponse>> sent = new ArrayList<>();
		IntStream.range(0, PER_REPLICA)
			.forEach((i) -> IntStream.range(0, replicas.length)
				.forEach((r) -> sent.add(robot(replicas[r]).sendAsync(Message.text("replica " + r + " alert " + i)))));
		return sent;
	}

	private void assertEveryMessageArrivedOnceWithinTheLimit() {
		List<String> expected = IntStream.range(0, PER_REPLICA)
			.boxed()
			.flatMap((i) -> IntStream.range(0, 3).mapToObj((r) -> "replica " + r + " alert " + i))
			.toList();
		assertThat(this.ops.rateViolations()).isZero();
		assertThat(this.ops.receivedMessages()).extracting(RecordedRequest::text)
			.containsExactlyInAnyOrderElementsOf(expected);
	}

	private static DingTalkRobot robot(AssertableApplicationContext context) {
		return context.getBean(DingTalkRobot.class);
	}

}
