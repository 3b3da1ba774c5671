package io.github.dingtalkrobot.logging;

/**
 * The events of one {@link Fingerprint} within a dedup window: the first, which was
 * alerted at once, and how many followed until when.
 */
final class Rollup {

	private final LoggedEvent first;

	private long last;

	private long count = 1;

	Rollup(LoggedEvent first) {
		this.first = first;
		this.last = first.timestamp();
	}

	void add(long timestamp) {
		this.count++;
		this.last = Math.max(this.last, timestamp);
	}

	boolean endsBy(long now, long windowMillis) {
		return now - this.first.timestamp() >= windowMillis;
	}

	LoggedEvent first() {
		return this.first;
	}

	long last() {
		return this.last;
	}

	long count() {
		return this.count;
	}

}
