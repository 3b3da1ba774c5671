package io.github.dingtalkrobot.internal.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.dingtalkrobot.RateLimit;
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
 * <p>
 * The {@link SlotStore} of a robot on its own; a shared store falls back to one when it
 * cannot be reached. Internal: public only so that the shared stores can use it.
 *
 * @since 0.1.0
 */
public final class RobotRateLimiter implements SlotStore {

	private final int messages;

	private final Duration window;

	private final Clock clock;

	private final List<Slot> slots = new ArrayList<>();

	private @Nullable Instant pausedUntil;

	/**
	 * Create the limiter of one robot.
	 * @param rateLimit the robot's rate limit
	 * @param clock the clock that times the window and the pause
	 */
	public RobotRateLimiter(RateLimit rateLimit, Clock clock) {
		this.messages = rateLimit.messages();
		this.window = rateLimit.window();
		this.clock = clock;
	}

	@Override
	public synchronized @Nullable Slot tryAcquire() {
		Instant now = this.clock.instant();
		expire(now);
		if (isPaused(now) || this.slots.size() >= this.messages) {
			return null;
		}
		Slot slot = new Slot();
		this.slots.add(slot);
		return slot;
	}

	@Override
	public synchronized Duration timeUntilAvailable() {
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

	@Override
	public synchronized void pauseUntil(Instant until) {
		if (this.pausedUntil == null || until.isAfter(this.pausedUntil)) {
			this.pausedUntil = until;
		}
	}

	@Override
	public synchronized @Nullable Instant pausedUntil() {
		return isPaused(this.clock.instant()) ? this.pausedUntil : null;
	}

	@Override
	public synchronized int slotsUsed() {
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
	final class Slot implements SlotStore.Slot {

		private @Nullable Instant completedAt;

		private Slot() {
		}

		@Override
		public void complete() {
			synchronized (RobotRateLimiter.this) {
				this.completedAt = RobotRateLimiter.this.clock.instant();
			}
		}

		@Override
		public void release() {
			synchronized (RobotRateLimiter.this) {
				RobotRateLimiter.this.slots.remove(this);
			}
		}

	}

}
