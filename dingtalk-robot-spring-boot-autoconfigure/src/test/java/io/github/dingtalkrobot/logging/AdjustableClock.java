package io.github.dingtalkrobot.logging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock in a given zone that tests move forward by hand.
 */
final class AdjustableClock extends Clock {

	private final AtomicReference<Instant> instant;

	private final ZoneId zone;

	AdjustableClock(Instant start, ZoneId zone) {
		this.instant = new AtomicReference<>(start);
		this.zone = zone;
	}

	void advance(Duration duration) {
		this.instant.updateAndGet((now) -> now.plus(duration));
	}

	@Override
	public Instant instant() {
		return this.instant.get();
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new AdjustableClock(instant(), zone);
	}

}
