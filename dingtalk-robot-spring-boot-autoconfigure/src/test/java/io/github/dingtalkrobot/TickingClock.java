package io.github.dingtalkrobot;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves one millisecond forward each time it is read, so that every request
 * gets a timestamp of its own.
 */
final class TickingClock extends Clock {

	private final AtomicLong millis;

	TickingClock(long startMillis) {
		this.millis = new AtomicLong(startMillis);
	}

	@Override
	public long millis() {
		return this.millis.getAndIncrement();
	}

	@Override
	public Instant instant() {
		return Instant.ofEpochMilli(millis());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException();
	}

}
