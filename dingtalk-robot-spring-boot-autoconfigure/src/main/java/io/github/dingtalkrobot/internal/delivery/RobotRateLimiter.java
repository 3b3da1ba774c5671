package io.github.dingtalkrobot.internal.delivery;

import io.github.dingtalkrobot.RateLimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A robot's rate limit: a sliding-window log of the requests sent in the last window, and
 * the pause after DingTalk throttled the robot. Thread-safe; time comes from the robot's
 * clock.
 * <p>
 * A request takes its slot before it is sent and is logged at the time its answer came,
 * not the time it left: DingTalk counts a message when it arrives, which is later than it
 * left and no later than its answer, so counting from the answer can never let a request
 * into a window that DingTalk sees as full. A request still in flight holds its slot.
 */
final class RobotRateLimiter {

	private final int messages;

	private final Duration window;

	private final Clock clock;

	private final List<Slot> slots = new ArrayList<>();

	private @Nullable Instant pausedUntil;

	RobotRateLimiter(RateLimit rateLimit, Clock clock) {
		this.messages = rateLimit.messages();
		this.window = rateLimit.window();
		this.clock = clock;
	}

	/**
	 * Take a slot for one request, if the robot is not paused and the window has room.
	 * @return the slot, to be {@link Slot#complete() completed} once the request was
	 * answered, or {@code null} when none is free now
	 */
	synchronized @Nullable Slot tryAcquire() {
		Instant now = this.clock.instant();
		expire(now);
		if (isPaused(now) || this.slots.size() >= this.messages) {
			return null;
		}
		Slot slot = new Slot();
		this.slots.add(slot);
		return slot;
	}

	/**
	 * Return the least time until {@link #tryAcquire()} may succeed: exact for completed
	 * requests and pauses, a lower bound while requests are in flight.
	 * @return the time to wait, zero when a slot is free now
	 */
	synchronized Duration timeUntilAvailable() {
		Instant now = this.clock.instant();
		expire(now);
		Instant available = now;
		if (this.slots.size() >= this.messages) {
			Instant earliest = null;
			for (Slot slot : this.slots) {
				Instant expiry = ((slot.completedAt != null) ? slot.completedAt : now).plus(this.window);
				earliest = (earliest == null || expiry.isBefore(earliest)) ? expiry : earliest;
			}
			available = earliest;
		}
		if (isPaused(now) && this.pausedUntil.isAfter(available)) {
			available = this.pausedUntil;
		}
		return Duration.between(now, available);
	}

	/**
	 * Send nothing until the given time.
	 * @param until the end of the pause
	 */
	synchronized void pauseUntil(Instant until) {
		if (this.pausedUntil == null || until.isAfter(this.pausedUntil)) {
			this.pausedUntil = until;
		}
	}

	/**
	 * Return the end of the current pause.
	 * @return when the pause ends, or {@code null} when the robot is not paused
	 */
	synchronized @Nullable Instant pausedUntil() {
		return isPaused(this.clock.instant()) ? this.pausedUntil : null;
	}

	/**
	 * Return how many requests count against the current window, in flight included.
	 * @return the slots in use
	 */
	synchronized int slotsUsed() {
		expire(this.clock.instant());
		return this.slots.size();
	}

	private boolean isPaused(Instant now) {
		return this.pausedUntil != null && now.isBefore(this.pausedUntil);
	}

	// The boundary matches DingTalk's: a message sent exactly one window ago is out
	private void expire(Instant now) {
		Instant windowStart = now.minus(this.window);
		this.slots.removeIf((slot) -> slot.completedAt != null && !slot.completedAt.isAfter(windowStart));
	}

	/**
	 * The slot of one request.
	 */
	final class Slot {

		private @Nullable Instant completedAt;

		private Slot() {
		}

		/**
		 * Count the request from now, when its answer came.
		 */
		void complete() {
			synchronized (RobotRateLimiter.this) {
				this.completedAt = RobotRateLimiter.this.clock.instant();
			}
		}

		/**
		 * Give the slot back: the request was never sent.
		 */
		void release() {
			synchronized (RobotRateLimiter.this) {
				RobotRateLimiter.this.slots.remove(this);
			}
		}

	}

}
