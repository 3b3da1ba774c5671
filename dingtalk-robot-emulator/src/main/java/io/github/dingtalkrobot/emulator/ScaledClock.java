package io.github.dingtalkrobot.emulator;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.util.Assert;

/**
 * A UTC clock that runs a fixed number of times faster than real time: with a factor of
 * 1000, a minute passes in 60 ms. Give the same clock to a {@link DingTalkEmulator} and
 * to the robots under test to play out minutes of DingTalk's rate limit, and its
 * ten-minute throttle, in a fraction of a second: <pre class="code">
 * ScaledClock clock = new ScaledClock(Instant.now(), 1000);
 * DingTalkEmulator emulator = DingTalkEmulator.builder().clock(clock).build().start();
 * DingTalkRobot robot = DingTalkRobot.builder("ops").webhook(...).clock(clock).build();
 * </pre>
 */
public final class ScaledClock extends Clock {

	private final Instant start;

	private final long factor;

	private final long startNanos = System.nanoTime();

	/**
	 * Create a clock that shows the given instant now and runs faster from there.
	 * @param start the instant the clock shows now
	 * @param factor how many times faster than real time the clock runs
	 */
	public ScaledClock(Instant start, long factor) {
		Assert.notNull(start, "'start' must not be null");
		Assert.isTrue(factor > 0, "'factor' must be positive");
		this.start = start;
		this.factor = factor;
	}

	/**
	 * Return how many times faster than real time the clock runs.
	 * @return the factor
	 */
	public long factor() {
		return this.factor;
	}

	@Override
	public Instant instant() {
		return this.start.plusNanos(Math.multiplyExact(System.nanoTime() - this.startNanos, this.factor));
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("ScaledClock is always UTC");
	}

	@Override
	public String toString() {
		return "ScaledClock[" + this.factor + "x, now=" + instant() + "]";
	}

}
