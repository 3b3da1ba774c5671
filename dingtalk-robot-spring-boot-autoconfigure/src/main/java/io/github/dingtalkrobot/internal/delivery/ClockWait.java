package io.github.dingtalkrobot.internal.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Waits on a robot's clock. The clock may be the system clock, a clock that runs faster
 * (a simulation) or one a test moves by hand, so a wait sleeps in slices of at most 10 ms
 * of real time and reads the clock again after each.
 */
final class ClockWait {

	private static final long SLICE_MILLIS = 10;

	private ClockWait() {
	}

	/**
	 * Sleep for the given time by the robot's clock, or 10 ms, whichever is shorter.
	 * @param time the time still to wait
	 * @throws InterruptedException if the thread was interrupted
	 */
	static void slice(Duration time) throws InterruptedException {
		Thread.sleep(Math.max(1, Math.min(SLICE_MILLIS, time.toMillis())));
	}

	/**
	 * Wait until the clock reaches an instant.
	 * @param clock the clock
	 * @param instant the instant to wait for
	 * @param stop when to give up
	 * @return {@code true} when the instant was reached, {@code false} when stopped first
	 * @throws InterruptedException if the thread was interrupted
	 */
	static boolean until(Clock clock, Instant instant, BooleanSupplier stop) throws InterruptedException {
		while (!stop.getAsBoolean()) {
			Duration remaining = Duration.between(clock.instant(), instant);
			if (remaining.isNegative() || remaining.isZero()) {
				return true;
			}
			slice(remaining);
		}
		return false;
	}

}
