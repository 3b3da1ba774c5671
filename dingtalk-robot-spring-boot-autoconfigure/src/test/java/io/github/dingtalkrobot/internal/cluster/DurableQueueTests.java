package io.github.dingtalkrobot.internal.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.github.dingtalkrobot.DeliverySettings;
import io.github.dingtalkrobot.DingTalkException;
import io.github.dingtalkrobot.DingTalkQueueFullException;
import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.DingTalkRobotClosedException;
import io.github.dingtalkrobot.EmbeddedRedis;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.emulator.RecordedRequest;
import io.github.dingtalkrobot.emulator.ScaledClock;
import io.github.dingtalkrobot.internal.cluster.DurableQueueReplica.Replica;
import io.github.dingtalkrobot.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Replicas in this JVM, each with its own connection to one real Redis server and its own
 * replica id, share one durable queue of a robot of the emulator, which applies
 * DingTalk's real limit on a clock 60 times faster than real time.
 */
@ExtendWith(OutputCaptureExtension.class)
class DurableQueueTests {

	private static final String TOKEN = "7d3e9a1c5b8f2e4d6a0c9b7e5f3d1a2c4e6b8d0f9a7c5e3b1d2f4a6c8e0b9d7f";

	private static final Duration CLAIM_AFTER = Duration.ofSeconds(1);

	private static final DeliverySettings ONE_BY_ONE = DeliverySettings.defaults().withCoalesce(false);

	@RegisterExtension
	static final EmbeddedRedis redis = new EmbeddedRedis();

	@AutoClose
	final DingTalkEmulator emulator = DingTalkEmulator.builder()
		.clock(new ScaledClock(Instant.now(), 60))
		.build()
		.start();

	private final EmulatedRobot ops = this.emulator.registerRobot("ops", TOKEN);

	private final StringRedisTemplate template = redis.template();

	private final List<Replica> replicas = new ArrayList<>();

	@AfterEach
	void closeReplicas() {
		this.replicas.forEach(Replica::close);
	}

	@Test
	void futureCompletesOnTheReplicaThatTookTheMessageWhenAnotherDeliversIt() throws Exception {
		CompletableFuture<Void> release = new CompletableFuture<>();
		this.ops.failNext(1).withAnswerHeldUntil(release);
		Replica first = replica(ONE_BY_ONE);
		CompletableFuture<DingTalkResponse> held = first.robot().sendAsync(Message.text("first"));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.ops.requests().size() == 1);
		// The first replica's turn lasts while its request is in flight
		Replica second = replica(ONE_BY_ONE);
		CompletableFuture<DingTalkResponse> taken = second.robot().sendAsync(Message.text("second"));
		release.complete(null);
		assertThat(held.get(10, TimeUnit.SECONDS).errcode()).isZero();
		assertThat(taken.get(10, TimeUnit.SECONDS).errcode()).isZero();
		assertThat(this.ops.receivedMessages()).extracting(RecordedRequest::text).containsExactly("first", "second");
	}

	@Test
	void failureIsReportedOnceByTheReplicaThatGaveUpAndFailsTheFutureWhereTheMessageWasTaken(CapturedOutput output) {
		CompletableFuture<Void> release = new CompletableFuture<>();
		this.ops.failNext(1).withAnswerHeldUntil(release);
		this.ops.failNext(1).withErrcode(310000, "sign not match");
		Replica first = replica(ONE_BY_ONE);
		first.robot().sendAsync(Message.text("first"));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.ops.requests().size() == 1);
		Replica second = replica(ONE_BY_ONE);
		CompletableFuture<DingTalkResponse> refused = second.robot().sendAsync(Message.text("refused"));
		release.complete(null);
		assertThat(refused).failsWithin(Duration.ofSeconds(10))
			.withThrowableThat()
			.havingCause()
			.isInstanceOf(DingTalkException.class)
			.withMessageContaining("310000");
		await().atMost(Duration.ofSeconds(10)).until(() -> first.failures().size() == 1);
		assertThat(second.failures()).isEmpty();
		assertThat(output.getAll().split("Undelivered message of DingTalk robot", -1)).hasSize(2);
		assertThat(output).doesNotContain(TOKEN);
	}

	@Test
	void gracefulShutdownHandsTheRestToTheOtherReplica(CapturedOutput output) throws Exception {
		Replica first = replica(ONE_BY_ONE);
		List<String> alerts = IntStream.range(0, 40).mapToObj((i) -> "alert " + i).toList();
		List<CompletableFuture<DingTalkResponse>> futures = alerts.stream()
			.map((alert) -> first.robot().sendAsync(Message.text(alert)))
			.toList();
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.ops.receivedMessages().isEmpty());
		Replica second = replica(ONE_BY_ONE);
		// One window holds 20 of the 40: the first replica cannot have sent them all
		first.close();
		assertThat(futures).allSatisfy((future) -> assertThat(future).isDone());
		List<CompletableFuture<DingTalkResponse>> handedOver = futures.stream()
			.filter(CompletableFuture::isCompletedExceptionally)
			.toList();
		assertThat(handedOver).isNotEmpty()
			.allSatisfy((future) -> assertThat(future).failsWithin(Duration.ZERO)
				.withThrowableThat()
				.havingCause()
				.isInstanceOf(DingTalkRobotClosedException.class)
				.withMessageContaining("another replica delivers it"));
		await().atMost(Duration.ofSeconds(20)).until(() -> this.ops.receivedMessages().size() >= alerts.size());
		assertThat(this.ops.receivedMessages()).extracting(RecordedRequest::text)
			.containsExactlyInAnyOrderElementsOf(alerts);
		assertThat(this.ops.rateViolations()).isZero();
		assertThat(first.failures()).isEmpty();
		assertThat(second.failures()).isEmpty();
		assertThat(output).doesNotContain("Undelivered message");
	}

	@Test
	void queueCapacityAppliesToTheStreamThatReplicasShare() {
		CompletableFuture<Void> release = new CompletableFuture<>();
		this.ops.failNext(1).withAnswerHeldUntil(release);
		DeliverySettings fiveAtMost = ONE_BY_ONE.withQueueCapacity(5);
		Replica first = replica(fiveAtMost);
		List<CompletableFuture<DingTalkResponse>> accepted = new ArrayList<>();
		accepted.add(first.robot().sendAsync(Message.text("in flight")));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.ops.requests().size() == 1);
		Replica second = replica(fiveAtMost);
		IntStream.range(0, 4).forEach((i) -> accepted.add(second.robot().sendAsync(Message.text("waiting " + i))));
		assertThat(first.robot().sendAsync(Message.text("one too many"))).failsWithin(Duration.ofSeconds(5))
			.withThrowableThat()
			.havingCause()
			.isInstanceOf(DingTalkQueueFullException.class);
		release.complete(null);
		CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new)).join();
		assertThat(this.ops.receivedMessages()).hasSize(5);
	}

	@Test
	void settledMessagesLeaveTheStreamAndNoKeyOrValueHoldsTheToken() throws Exception {
		Replica first = replica(DeliverySettings.defaults());
		Replica second = replica(DeliverySettings.defaults());
		first.robot().sendAsync(Message.text("one")).get(10, TimeUnit.SECONDS);
		second.robot().sendAsync(Message.markdown("two", "**two**")).get(10, TimeUnit.SECONDS);
		Set<String> keys = this.template.keys("*");
		assertThat(keys).contains("dingtalk:{" + RedisSlotStores.hash(TOKEN) + "}:queue")
			.allSatisfy((key) -> assertThat(key).startsWith("dingtalk:{").doesNotContain(TOKEN));
		String stream = "dingtalk:{" + RedisSlotStores.hash(TOKEN) + "}:queue";
		assertThat(this.template.opsForStream().size(stream)).isZero();
		assertThat(this.template.opsForZSet().range(stream + "-settled", 0, -1)).hasSize(2)
			.allSatisfy((id) -> assertThat(id).doesNotContain(TOKEN.substring(0, 12)));
		assertThat(this.template.getExpire(stream + "-settled")).isPositive();
	}

	private Replica replica(DeliverySettings settings) {
		Replica replica = Replica.start(redis.template(), this.ops.webhook(), CLAIM_AFTER, settings);
		this.replicas.add(replica);
		return replica;
	}

}
