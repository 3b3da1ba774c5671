package io.github.dingtalkrobot.emulator;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ScaledClock}.
 */
class ScaledClockTests {

	private static final Instant START = Instant.parse("2025-11-28T08:00:00Z");

	@Test
	void clockStartsAtTheGivenInstantAndRunsFaster() {
		ScaledClock clock = new ScaledClock(START, 1000);
		long realStart = System.nanoTime();
		assertThat(clock.instant()).isBetween(START, START.plusSeconds(60));
		await().until(() -> clock.instant().isAfter(START.plus(Duration.ofMinutes(1))));
		Duration real = Duration.ofNanos(System.nanoTime() - realStart);
		assertThat(real).isLessThan(Duration.ofMinutes(1));
		assertThat(clock.factor()).isEqualTo(1000);
		assertThat(clock.getZone()).hasToString("Z");
	}

	@Test
	void factorMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ScaledClock(START, 0))
			.withMessageContaining("'factor'");
	}

}
