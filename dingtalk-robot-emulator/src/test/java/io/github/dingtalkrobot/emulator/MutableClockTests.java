package io.github.dingtalkrobot.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link MutableClock}.
 */
class MutableClockTests {

	private static final Instant START = Instant.parse("2025-11-28T08:00:00Z");

	private final MutableClock clock = new MutableClock(START);

	@Test
	void clockStandsStillUntilMoved() {
		assertThat(this.clock.instant()).isEqualTo(START);
		assertThat(this.clock.millis()).isEqualTo(START.toEpochMilli());
		assertThat(this.clock.getZone()).hasToString("Z");
	}

	@Test
	void advanceMovesTheClockForward() {
		assertThat(this.clock.advance(Duration.ofMinutes(10))).isEqualTo(START.plusSeconds(600));
		assertThat(this.clock.instant()).isEqualTo(START.plusSeconds(600));
	}

	@Test
	void setMovesTheClockAnywhere() {
		this.clock.set(START.minusSeconds(3600));
		assertThat(this.clock.instant()).isEqualTo(START.minusSeconds(3600));
	}

	@Test
	void clockCannotBeMovedBackwardByAdvancing() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.clock.advance(Duration.ofSeconds(-1)))
			.withMessageContaining("'duration'");
	}

	@Test
	void clockInAnotherZoneMovesWithIt() {
		MutableClock clock = new MutableClock(Instant.parse("2025-11-28T08:00:00Z"));
		Clock shanghai = clock.withZone(ZoneId.of("Asia/Shanghai"));
		clock.advance(Duration.ofHours(1));
		assertThat(shanghai.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
		assertThat(shanghai.instant()).isEqualTo(Instant.parse("2025-11-28T09:00:00Z"));
		assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
	}

}
