package io.github.dingtalkrobot.internal.delivery;

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

	private final HeldMessages local = new HeldMessages();

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
			if (this.local.size() >= this.capacity) {
				return Offer.FULL;
			}
			this.local.add(pending);
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
			while (!this.local.hasWaiting() && !this.closed) {
				this.changed.await();
			}
			return this.local.hasWaiting();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public List<Pending> take(MessageCoalescer coalescer) {
		this.lock.lock();
		try {
			return this.local.take(coalescer);
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void done(List<Pending> batch) {
		this.lock.lock();
		try {
			this.local.done(batch);
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void putBack(List<Pending> batch, boolean alone) {
		this.lock.lock();
		try {
			this.local.putBack(batch, alone, (pending) -> true);
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
			Drained drained = new Drained(this.local.removeInFlight(), this.local.removeWaiting());
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
			return this.local.size();
		}
		finally {
			this.lock.unlock();
		}
	}

}
