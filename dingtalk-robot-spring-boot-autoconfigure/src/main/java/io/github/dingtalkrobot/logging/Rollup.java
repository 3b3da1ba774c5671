package io.github.dingtalkrobot.logging;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The events of one {@link Fingerprint} within a dedup window: the first, which is
 * alerted at once, and how many there were until when. Logging threads {@link #add count}
 * repeats without a lock; once {@link #close closed}, a rollup takes no more events and
 * its count is final, so that every event is counted in exactly one rollup.
 */
final class Rollup {

	// Set in the count once the rollup is closed
	private static final long CLOSED = Long.MIN_VALUE;

	private final Fingerprint fingerprint;

	private final LoggedEvent first;

	private final AtomicLong count = new AtomicLong(1);

	private final AtomicLong last;

	Rollup(Fingerprint fingerprint, LoggedEvent first) {
		this.fingerprint = fingerprint;
		this.first = first;
		this.last = new AtomicLong(first.timestamp());
	}

	/**
	 * Count one more event, unless the rollup is closed.
	 * @param timestamp the event's time
	 * @return whether the event was counted
	 */
	boolean add(long timestamp) {
		long count;
		do {
			count = this.count.get();
			if (count < 0) {
				return false;
			}
		}
		while (!this.count.compareAndSet(count, count + 1));
		if (timestamp > this.last.get()) {
			this.last.accumulateAndGet(timestamp, Math::max);
		}
		return true;
	}

	/**
	 * Take no more events.
	 * @return the final count
	 */
	long close() {
		return this.count.getAndUpdate((count) -> count | CLOSED) & ~CLOSED;
	}

	boolean endsBy(long now, long windowMillis) {
		return now - this.first.timestamp() >= windowMillis;
	}

	Fingerprint fingerprint() {
		return this.fingerprint;
	}

	LoggedEvent first() {
		return this.first;
	}

	long last() {
		return this.last.get();
	}

}
