package io.github.dingtalkrobot.internal.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.dingtalkrobot.RateLimit;
import io.github.dingtalkrobot.emulator.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RobotRateLimiter}.
 */
class RobotRateLimiterTests {

	private static final Instant START = Instant.parse("2025-11-28T08:00:00Z");

	private final MutableClock clock = new MutableClock(START);

	private final RobotRateLimiter limiter = new RobotRateLimiter(RateLimit.defaults(), this.clock);

	@Test
	void twentyFirstMessageInAMinuteFindsNoSlot() {
		for (int i = 0; i < 20; i++) {
			this.limiter.tryAcquire().complete();
			this.clock.advance(Duration.ofSeconds(1));
		}
		assertThat(this.limiter.tryAcquire()).isNull();
		assertThat(this.limiter.slotsUsed()).isEqualTo(20);
		assertThat(this.limiter.timeUntilAvailable()).isEqualTo(Duration.ofSeconds(40));
		this.clock.advance(Duration.ofSeconds(40).minusMillis(1));
		assertThat(this.limiter.tryAcquire()).isNull();
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.limiter.tryAcquire()).isNotNull();
		assertThat(this.limiter.tryAcquire()).isNull();
	}

	@Test
	void messageCountsFromWhenItsAnswerCame() {
		RobotRateLimiter limiter = new RobotRateLimiter(new RateLimit(1, Duration.ofSeconds(60), Duration.ZERO),
				this.clock);
		RobotRateLimiter.Slot slot = limiter.tryAcquire();
		this.clock.advance(Duration.ofSeconds(10));
		slot.complete();
		this.clock.advance(Duration.ofSeconds(50));
		assertThat(limiter.tryAcquire()).isNull();
		assertThat(limiter.timeUntilAvailable()).isEqualTo(Duration.ofSeconds(10));
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(limiter.tryAcquire()).isNotNull();
	}

	@Test
	void messageInFlightHoldsItsSlot() {
		RobotRateLimiter limiter = new RobotRateLimiter(new RateLimit(1, Duration.ofSeconds(60), Duration.ZERO),
				this.clock);
		assertThat(limiter.tryAcquire()).isNotNull();
		this.clock.advance(Duration.ofHours(1));
		assertThat(limiter.tryAcquire()).isNull();
		assertThat(limiter.timeUntilAvailable()).isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void releasedSlotIsFreeAtOnce() {
		RobotRateLimiter limiter = new RobotRateLimiter(new RateLimit(1, Duration.ofSeconds(60), Duration.ZERO),
				this.clock);
		limiter.tryAcquire().release();
		assertThat(limiter.slotsUsed()).isZero();
		assertThat(limiter.tryAcquire()).isNotNull();
	}

	@Test
	void pauseHoldsBackEvenWithFreeSlots() {
		this.limiter.pauseUntil(START.plus(Duration.ofMinutes(10)));
		this.limiter.pauseUntil(START.plus(Duration.ofMinutes(5)));
		assertThat(this.limiter.tryAcquire()).isNull();
		assertThat(this.limiter.pausedUntil()).isEqualTo(START.plus(Duration.ofMinutes(10)));
		assertThat(this.limiter.timeUntilAvailable()).isEqualTo(Duration.ofMinutes(10));
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(this.limiter.pausedUntil()).isNull();
		assertThat(this.limiter.tryAcquire()).isNotNull();
	}

	@Test
	void manyThreadsTogetherGetNoMoreSlotsThanTheLimit() throws Exception {
		List<Callable<Integer>> takers = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			takers.add(() -> {
				int taken = 0;
				for (int attempt = 0; attempt < 100; attempt++) {
					RobotRateLimiter.Slot slot = this.limiter.tryAcquire();
					if (slot != null) {
						slot.complete();
						taken++;
					}
				}
				return taken;
			});
		}
		ExecutorService threads = Executors.newFixedThreadPool(16);
		try {
			int taken = 0;
			for (Future<Integer> result : threads.invokeAll(takers)) {
				taken += result.get();
			}
			assertThat(taken).isEqualTo(20);
		}
		finally {
			threads.shutdownNow();
		}
	}

}
