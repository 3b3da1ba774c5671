package io.github.dingtalkrobot.internal.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue of a robot's {@code sendAsync} messages, in order. Messages that are
 * being sent stay counted against the capacity until they are settled, so a message put
 * back at the head after DingTalk throttled the robot always fits.
 */
final class DeliveryQueue {

	private final int capacity;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	private final Deque<Pending> waiting = new ArrayDeque<>();

	private final List<Pending> inFlight = new ArrayList<>();

	private boolean closed;

	DeliveryQueue(int capacity) {
		this.capacity = capacity;
	}

	/**
	 * Add a message at the tail.
	 * @param pending the message
	 * @return whether it was added
	 */
	Offer offer(Pending pending) {
		this.lock.lock();
		try {
			if (this.closed) {
				return Offer.CLOSED;
			}
			if (this.waiting.size() + this.inFlight.size() >= this.capacity) {
				return Offer.FULL;
			}
			this.waiting.addLast(pending);
			this.changed.signalAll();
			return Offer.ACCEPTED;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Wait until a message waits, or the queue is closed and empty.
	 * @return {@code true} when a message waits, {@code false} when there will be none
	 * @throws InterruptedException if the thread was interrupted
	 */
	boolean awaitMessage() throws InterruptedException {
		this.lock.lock();
		try {
			while (this.waiting.isEmpty() && !this.closed) {
				this.changed.await();
			}
			return !this.waiting.isEmpty();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Take the messages at the head that go out together as one.
	 * @param coalescer decides how many go together
	 * @return the messages, in order; empty when none waits
	 */
	List<Pending> take(MessageCoalescer coalescer) {
		this.lock.lock();
		try {
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
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Forget messages that were taken and are settled now.
	 * @param batch the messages
	 */
	void done(List<Pending> batch) {
		this.lock.lock();
		try {
			this.inFlight.removeAll(batch);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Put messages that were taken back at the head, in their order.
	 * @param batch the messages
	 * @param alone whether each of them is to go out on its own from now on
	 */
	void putBack(List<Pending> batch, boolean alone) {
		this.lock.lock();
		try {
			this.inFlight.removeAll(batch);
			for (int i = batch.size() - 1; i >= 0; i--) {
				Pending pending = batch.get(i);
				if (!pending.isSettled()) {
					if (alone) {
						pending.markAlone();
					}
					this.waiting.addFirst(pending);
				}
			}
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Take no more messages; those already queued are still handed out.
	 */
	void close() {
		this.lock.lock();
		try {
			this.closed = true;
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Close the queue and empty it.
	 * @return every message that was in flight or waiting
	 */
	Drained drain() {
		this.lock.lock();
		try {
			this.closed = true;
			Drained drained = new Drained(List.copyOf(this.inFlight), List.copyOf(this.waiting));
			this.inFlight.clear();
			this.waiting.clear();
			this.changed.signalAll();
			return drained;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Return how many messages wait or are in flight.
	 * @return the depth of the queue
	 */
	int depth() {
		this.lock.lock();
		try {
			return this.waiting.size() + this.inFlight.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * The messages a drained queue held.
	 *
	 * @param inFlight the messages that were being sent, in order
	 * @param waiting the messages that were waiting, in order
	 */
	record Drained(List<Pending> inFlight, List<Pending> waiting) {

	}

	/**
	 * What became of an offered message.
	 */
	enum Offer {

		ACCEPTED, FULL, CLOSED

	}

}
