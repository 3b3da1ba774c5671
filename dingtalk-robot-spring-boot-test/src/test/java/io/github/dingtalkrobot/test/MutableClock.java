package io.github.dingtalkrobot.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC clock that tests move forward by hand.
 */
final class MutableClock extends Clock {

	private final AtomicReference<Instant> instant;

	MutableClock(Instant start) {
		this.instant = new AtomicReference<>(start);
	}

	void set(Instant instant) {
		this.instant.set(instant);
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
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("MutableClock is always UTC");
	}

}
