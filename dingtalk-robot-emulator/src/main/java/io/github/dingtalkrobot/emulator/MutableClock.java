package io.github.dingtalkrobot.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.util.Assert;

/**
 * A clock that stands still until it is set or moved forward, in UTC unless given a zone.
 * Give the same clock to a {@link DingTalkEmulator} and to the robots under test to check
 * DingTalk's signature window, its rate limit and its ten-minute throttle, or a robot's
 * own retries, without waiting: <pre class="code">
 * MutableClock clock = new MutableClock(Instant.parse("2025-11-28T08:00:00Z"));
 * DingTalkEmulator emulator = DingTalkEmulator.builder().clock(clock).build().start();
 * DingTalkRobot robot = DingTalkRobot.builder("ops").webhook(...).clock(clock).build();
 * clock.advance(Duration.ofMinutes(10));
 * </pre> It is safe for use by several threads. {@link ScaledClock} is the clock that
 * moves by itself.
 */
public final class MutableClock extends Clock {

	private final AtomicReference<Instant> instant;

	private final ZoneId zone;

	/**
	 * Create a UTC clock that shows the given instant until it is changed.
	 * @param start the instant the clock shows
	 */
	public MutableClock(Instant start) {
		this(start, ZoneOffset.UTC);
	}

	/**
	 * Create a clock in the given zone that shows the given instant until it is changed.
	 * @param start the instant the clock shows
	 * @param zone the clock's zone
	 */
	public MutableClock(Instant start, ZoneId zone) {
		this(new AtomicReference<>(start), zone);
		Assert.notNull(start, "'start' must not be null");
	}

	private MutableClock(AtomicReference<Instant> instant, ZoneId zone) {
		Assert.notNull(zone, "'zone' must not be null");
		this.instant = instant;
		this.zone = zone;
	}

	/**
	 * Make the clock show the given instant, which may be earlier than the current one.
	 * @param instant the instant to show
	 */
	public void set(Instant instant) {
		Assert.notNull(instant, "'instant' must not be null");
		this.instant.set(instant);
	}

	/**
	 * Move the clock forward.
	 * @param duration how far to move it; not negative
	 * @return the instant the clock shows now
	 */
	public Instant advance(Duration duration) {
		Assert.notNull(duration, "'duration' must not be null");
		Assert.isTrue(!duration.isNegative(), "'duration' must not be negative");
		return this.instant.updateAndGet((now) -> now.plus(duration));
	}

	@Override
	public Instant instant() {
		return this.instant.get();
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	/**
	 * Return this clock in another zone: setting or moving either moves both.
	 * @param zone the zone
	 * @return the clock in that zone
	 */
	@Override
	public Clock withZone(ZoneId zone) {
		return new MutableClock(this.instant, zone);
	}

	@Override
	public String toString() {
		return "MutableClock[now=" + instant() + ", zone=" + this.zone + "]";
	}

}
