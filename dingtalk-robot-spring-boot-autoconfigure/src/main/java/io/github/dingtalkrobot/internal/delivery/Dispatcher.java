package io.github.dingtalkrobot.internal.delivery;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.dingtalkrobot.DingTalkException;
import io.github.dingtalkrobot.DingTalkMessageTooLargeException;
import io.github.dingtalkrobot.DingTalkRateLimitedException;
import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.DingTalkRobotListener;
import io.github.dingtalkrobot.message.Message;
import org.jspecify.annotations.Nullable;

/**
 * Drains a robot's queue on the robot's own thread, as fast as the rate limit allows:
 * waits for a slot, then takes the waiting messages that go together, so that the longer
 * the wait, the more of them one request carries. A message that DingTalk throttled goes
 * back to the head of the queue; a transient failure is retried after a backoff; any
 * other failure fails the message. Retries are {@link RetryingSender}'s; the futures of
 * the messages are completed elsewhere (see {@link Pending}).
 */
final class Dispatcher implements Runnable {

	private final String robotName;

	private final RobotQueue queue;

	private final SlotStore limiter;

	private final MessageCoalescer coalescer;

	private final RetryingSender sender;

	private final DingTalkRobotListener listeners;

	private final FailureReporter failures;

	private final CountDownLatch terminated = new CountDownLatch(1);

	private volatile boolean abandoned;

	Dispatcher(String robotName, RobotQueue queue, SlotStore limiter, MessageCoalescer coalescer, RetryingSender sender,
			DingTalkRobotListener listeners, FailureReporter failures) {
		this.robotName = robotName;
		this.queue = queue;
		this.limiter = limiter;
		this.coalescer = coalescer;
		this.sender = sender;
		this.listeners = listeners;
		this.failures = failures;
	}

	@Override
	public void run() {
		try {
			while (!this.abandoned && this.queue.awaitMessage()) {
				deliverNext();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.terminated.countDown();
		}
	}

	/**
	 * Wait, up to a timeout, for the queue to be drained and the thread to end.
	 * @param timeout how long to wait, in elapsed time
	 */
	void awaitTermination(Duration timeout) {
		try {
			this.terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Stop waiting for slots and backoffs; the thread ends after the request in flight,
	 * if any.
	 */
	void abandon() {
		this.abandoned = true;
	}

	private void deliverNext() throws InterruptedException {
		SlotStore.Slot slot = awaitSlot();
		if (slot == null) {
			return;
		}
		List<Pending> batch = this.queue.take(this.coalescer);
		if (batch.isEmpty()) {
			slot.release();
			return;
		}
		Message message = this.coalescer.merge(batch.stream().map(Pending::message).toList());
		DingTalkResponse response;
		try {
			response = this.sender.send(message, null, slot, this::awaitSlot, () -> this.abandoned);
		}
		catch (DingTalkRateLimitedException ex) {
			this.queue.putBack(batch, false);
			return;
		}
		catch (DingTalkMessageTooLargeException ex) {
			if (batch.size() > 1) {
				this.queue.putBack(batch, true);
				return;
			}
			fail(batch, ex);
			return;
		}
		catch (DingTalkException ex) {
			fail(batch, ex);
			return;
		}
		this.queue.done(batch);
		batch.forEach((pending) -> pending.complete(response));
		if (batch.size() > 1) {
			this.listeners.onCoalesced(this.robotName, batch.size());
		}
	}

	private SlotStore.@Nullable Slot awaitSlot() throws InterruptedException {
		while (!this.abandoned) {
			SlotStore.Slot slot = this.limiter.tryAcquire();
			if (slot != null) {
				return slot;
			}
			ClockWait.slice(this.limiter.timeUntilAvailable());
		}
		return null;
	}

	private void fail(List<Pending> batch, DingTalkException failure) {
		this.queue.done(batch);
		batch.forEach((pending) -> this.failures.giveUp(pending, failure));
	}

}
