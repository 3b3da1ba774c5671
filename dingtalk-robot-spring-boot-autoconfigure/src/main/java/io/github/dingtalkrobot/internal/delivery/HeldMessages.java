package io.github.dingtalkrobot.internal.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * The messages that a robot's queue holds in the JVM: those waiting, in order, and those
 * taken to be sent. Not thread-safe: each queue guards it with its own lock.
 */
final class HeldMessages {

	private final Deque<Pending> waiting = new ArrayDeque<>();

	private final List<Pending> inFlight = new ArrayList<>();

	/**
	 * Add a message at the tail.
	 * @param pending the message
	 */
	void add(Pending pending) {
		this.waiting.addLast(pending);
	}

	/**
	 * Return whether a message waits.
	 * @return whether one waits
	 */
	boolean hasWaiting() {
		return !this.waiting.isEmpty();
	}

	/**
	 * Return how many messages wait.
	 * @return the waiting messages
	 */
	int waitingCount() {
		return this.waiting.size();
	}

	/**
	 * Return how many messages wait or are in flight.
	 * @return the messages held
	 */
	int size() {
		return this.waiting.size() + this.inFlight.size();
	}

	/**
	 * Take the messages at the head that go out together as one; they are in flight until
	 * they are {@link #done(Collection) done} or {@link #putBack put back}.
	 * @param coalescer decides how many go together
	 * @return the messages, in order; empty when none waits
	 */
	List<Pending> take(MessageCoalescer coalescer) {
		if (this.waiting.isEmpty()) {
			return List.of();
		}
		int count = coalescer.batchSize(this.waiting);
		List<Pending> batch = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			batch.add(this.waiting.removeFirst());
		}
		this.inFlight.addAll(batch);
		return batch;
	}

	/**
	 * Forget messages that were in flight.
	 * @param batch the messages
	 */
	void done(Collection<Pending> batch) {
		this.inFlight.removeAll(batch);
	}

	/**
	 * Put messages that were in flight back at the head, in their order, except those
	 * settled meanwhile and those the queue no longer keeps.
	 * @param batch the messages
	 * @param alone whether each of them is to go out on its own from now on
	 * @param kept whether the queue still keeps a message
	 */
	void putBack(List<Pending> batch, boolean alone, Predicate<Pending> kept) {
		this.inFlight.removeAll(batch);
		for (int i = batch.size() - 1; i >= 0; i--) {
			Pending pending = batch.get(i);
			if (!pending.isSettled() && kept.test(pending)) {
				if (alone) {
					pending.markAlone();
				}
				this.waiting.addFirst(pending);
			}
		}
	}

	/**
	 * Remove the waiting messages.
	 * @return the messages, in order
	 */
	List<Pending> removeWaiting() {
		List<Pending> removed = List.copyOf(this.waiting);
		this.waiting.clear();
		return removed;
	}

	/**
	 * Remove the messages in flight.
	 * @return the messages, in the order they were taken
	 */
	List<Pending> removeInFlight() {
		List<Pending> removed = List.copyOf(this.inFlight);
		this.inFlight.clear();
		return removed;
	}

}
