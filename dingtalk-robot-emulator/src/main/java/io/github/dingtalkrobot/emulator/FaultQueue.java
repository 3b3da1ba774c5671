package io.github.dingtalkrobot.emulator;

import java.util.ArrayDeque;
import java.util.Deque;

import org.jspecify.annotations.Nullable;

/**
 * The faults a robot still has to inject, in the order they were asked for. Not
 * thread-safe: the robot guards it.
 */
final class FaultQueue {

	private final Deque<Batch> batches = new ArrayDeque<>();

	void add(Fault fault, int count) {
		this.batches.addLast(new Batch(fault, count));
	}

	/**
	 * Take the fault for the next request.
	 * @return the fault, or {@code null} when none is pending
	 */
	@Nullable Fault next() {
		Batch batch = this.batches.peekFirst();
		if (batch == null) {
			return null;
		}
		if (--batch.remaining == 0) {
			this.batches.removeFirst();
		}
		return batch.fault;
	}

	/**
	 * Return how many faults are still to be injected.
	 * @return the number of pending faults, at most {@link Integer#MAX_VALUE}
	 */
	int pending() {
		long pending = this.batches.stream().mapToLong((batch) -> batch.remaining).sum();
		return (int) Math.min(pending, Integer.MAX_VALUE);
	}

	void clear() {
		this.batches.clear();
	}

	private static final class Batch {

		private final Fault fault;

		private int remaining;

		Batch(Fault fault, int remaining) {
			this.fault = fault;
			this.remaining = remaining;
		}

	}

}
