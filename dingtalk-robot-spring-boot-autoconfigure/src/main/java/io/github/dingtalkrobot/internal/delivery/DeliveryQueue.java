package io.github.dingtalkrobot.internal.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue of a robot's {@code sendAsync} messages, in order, in the JVM.
 * Messages that are being sent stay counted against the capacity until they are settled,
 * so a message put back at the head after DingTalk throttled the robot always fits.
 */
final class DeliveryQueue implements RobotQueue {

	private final int capacity;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	private final Deque<Pending> waiting = new ArrayDeque<>();

	private final List<Pending> inFlight = new ArrayList<>();

	private boolean closed;

	DeliveryQueue(int capacity) {
		this.capacity = capacity;
	}

	@Override
	public Offer offer(Pending pending) {
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

	@Override
	public boolean awaitMessage() throws InterruptedException {
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

	@Override
	public List<Pending> take(MessageCoalescer coalescer) {
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

	@Override
	public void done(List<Pending> batch) {
		this.lock.lock();
		try {
			this.inFlight.removeAll(batch);
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void putBack(List<Pending> batch, boolean alone) {
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

	@Override
	public void close() {
		this.lock.lock();
		try {
			this.closed = true;
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public Drained drain() {
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

	@Override
	public int depth() {
		this.lock.lock();
		try {
			return this.waiting.size() + this.inFlight.size();
		}
		finally {
			this.lock.unlock();
		}
	}

}
