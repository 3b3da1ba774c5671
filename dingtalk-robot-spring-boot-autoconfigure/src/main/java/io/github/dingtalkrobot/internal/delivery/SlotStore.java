package io.github.dingtalkrobot.internal.delivery;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where a robot's rate limit and pause are kept: in the JVM ({@link RobotRateLimiter}) or
 * in a store that several replicas share. Implementations are thread-safe. Internal:
 * public only so that the shared stores can implement it.
 *
 * @since 0.1.0
 */
public interface SlotStore {

	/**
	 * Take a slot for one request, if the robot is not paused and the window has room.
	 * @return the slot, to be {@link Slot#complete() completed} once the request was
	 * answered, or {@code null} when none is free now
	 */
	@Nullable Slot tryAcquire();

	/**
	 * Return the least time until {@link #tryAcquire()} may succeed.
	 * @return the time to wait, zero when a slot may be free now
	 */
	Duration timeUntilAvailable();

	/**
	 * Send nothing until the given time, by the robot's clock.
	 * @param until the end of the pause
	 */
	void pauseUntil(Instant until);

	/**
	 * Return the end of the current pause, by the robot's clock.
	 * @return when the pause ends, or {@code null} when the robot is not paused
	 */
	@Nullable Instant pausedUntil();

	/**
	 * Return how many requests count against the current window, in flight included.
	 * @return the slots in use
	 */
	int slotsUsed();

	/**
	 * Return the name of the store when it cannot be reached now, so that a message that
	 * found no slot fails with a reason that names it.
	 * @return the store's name, or {@code null} when it is available
	 */
	default @Nullable String unavailableStore() {
		return null;
	}

	/**
	 * The slot of one request.
	 */
	interface Slot {

		/**
		 * Count the request from now, when its answer came.
		 */
		void complete();

		/**
		 * Give the slot back: the request was never sent.
		 */
		void release();

	}

}
