package io.github.dingtalkrobot.internal.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import io.github.dingtalkrobot.EmbeddedRedis;
import io.github.dingtalkrobot.RateLimit;
import io.github.dingtalkrobot.internal.delivery.SlotStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link RedisSlotStore}: several replicas, each with its own connection, share
 * one window and one pause through a real Redis server.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisSlotStoreTests {

	private static final String TOKEN = "e5b1c8f0a3d94b7e8c2f6a1d0b9e7c4f3a2d1e0f9c8b7a6d5e4f3c2b1a0f9e8d";

	private static final RateLimit THREE_PER_MINUTE = new RateLimit(3, Duration.ofMinutes(1), Duration.ZERO);

	@RegisterExtension
	static final EmbeddedRedis redis = new EmbeddedRedis();

	private final StringRedisTemplate template = redis.template();

	private final Clock clock = Clock.systemUTC();

	@Test
	void replicasShareOneWindowPerAccessToken() {
		SlotStore first = replica(0).create("ops", TOKEN, THREE_PER_MINUTE, this.clock);
		SlotStore second = replica(0).create("ops", TOKEN, THREE_PER_MINUTE, this.clock);
		SlotStore other = replica(0).create("other", "another-token", THREE_PER_MINUTE, this.clock);
		first.tryAcquire().complete();
		second.tryAcquire().complete();
		assertThat(first.tryAcquire()).isNotNull();
		assertThat(second.tryAcquire()).isNull();
		assertThat(first.tryAcquire()).isNull();
		assertThat(second.slotsUsed()).isEqualTo(3);
		assertThat(second.timeUntilAvailable()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
		assertThat(other.tryAcquire()).isNotNull();
	}

	@Test
	void slotInFlightCountsUntilReleased() {
		RateLimit one = new RateLimit(1, Duration.ofMinutes(1), Duration.ZERO);
		SlotStore first = replica(0).create("ops", TOKEN, one, this.clock);
		SlotStore second = replica(0).create("ops", TOKEN, one, this.clock);
		SlotStore.Slot slot = first.tryAcquire();
		assertThat(second.tryAcquire()).isNull();
		slot.release();
		await().atMost(Duration.ofSeconds(5)).until(() -> second.tryAcquire() != null);
	}

	@Test
	void throttleOnOneReplicaPausesTheOthers() {
		SlotStore first = replica(0).create("ops", TOKEN, THREE_PER_MINUTE, this.clock);
		SlotStore second = replica(0).create("ops", TOKEN, THREE_PER_MINUTE, this.clock);
		Instant until = this.clock.instant().plus(Duration.ofMinutes(10));
		first.pauseUntil(until);
		assertThat(second.tryAcquire()).isNull();
		assertThat(second.pausedUntil()).isCloseTo(until, within(1, ChronoUnit.SECONDS));
		assertThat(second.timeUntilAvailable()).isGreaterThan(Duration.ofMinutes(9));
	}

	@Test
	void everyKeyExpiresAndNoneHoldsTheToken() {
		SlotStore store = replica(0).create("ops", TOKEN, THREE_PER_MINUTE, this.clock);
		store.tryAcquire().complete();
		store.tryAcquire();
		store.pauseUntil(this.clock.instant().plus(Duration.ofMinutes(10)));
		Set<String> keys = this.template.keys("*");
		assertThat(keys).hasSize(4).allSatisfy((key) -> {
			assertThat(key).startsWith("dingtalk:{").doesNotContain(TOKEN);
			assertThat(this.template.getExpire(key)).isPositive();
			assertThat(values(key)).noneSatisfy((value) -> assertThat(value).contains(TOKEN.substring(0, 8)));
		});
	}

	@Test
	void redisThatLostItsDataHoldsSendingForOneWindow() {
		SlotStore store = replica(0).create("ops", TOKEN, THREE_PER_MINUTE, this.clock);
		store.tryAcquire().complete();
		redis.flushAll();
		assertThat(store.tryAcquire()).isNull();
		assertThat(store.timeUntilAvailable()).isGreaterThan(Duration.ofSeconds(55));
		assertThat(replica(0).create("ops", TOKEN, THREE_PER_MINUTE, this.clock).tryAcquire()).isNull();
	}

	@Test
	void storeThatCannotBeReachedIsNamedAndReported(CapturedOutput output) {
		RedisSlotStores stores = replica(0);
		SlotStore store = stores.create("ops", TOKEN, THREE_PER_MINUTE, this.clock);
		redis.stop();
		assertThat(store.tryAcquire()).isNull();
		assertThat(store.unavailableStore()).isEqualTo("Redis");
		assertThat(stores.isAvailable()).isFalse();
		assertThat(output).contains("DingTalk robot 'ops' cannot reach Redis, which keeps its rate limit")
			.doesNotContain(TOKEN);
		redis.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> store.tryAcquire() != null);
		assertThat(store.unavailableStore()).isNull();
		assertThat(stores.isAvailable()).isTrue();
	}

	@Test
	void localFallbackSendsItsShareAndHoldsForOneWindowWhenRedisIsBack() {
		SlotStore store = replica(3).create("ops", TOKEN, new RateLimit(6, Duration.ofMinutes(1), Duration.ZERO),
				this.clock);
		redis.stop();
		assertThat(store.tryAcquire()).isNotNull();
		assertThat(store.tryAcquire()).isNotNull();
		assertThat(store.tryAcquire()).isNull();
		assertThat(store.unavailableStore()).isNull();
		redis.start();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> store.tryAcquire() == null
					&& store.timeUntilAvailable().compareTo(Duration.ofSeconds(55)) > 0);
		assertThat(replica(0).create("ops", TOKEN, THREE_PER_MINUTE, this.clock).tryAcquire()).isNull();
	}

	private RedisSlotStores replica(int localFallbackDivisor) {
		return new RedisSlotStores(redis.template(), "dingtalk", localFallbackDivisor);
	}

	private Set<String> values(String key) {
		DataType type = this.template.type(key);
		if (type == DataType.ZSET) {
			return this.template.opsForZSet().range(key, 0, -1);
		}
		return Set.of(this.template.opsForValue().get(key));
	}

}
