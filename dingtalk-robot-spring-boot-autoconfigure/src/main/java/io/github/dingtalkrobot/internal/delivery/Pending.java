package io.github.dingtalkrobot.internal.delivery;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.dingtalkrobot.DingTalkException;
import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.message.Message;

/**
 * A message given to {@code sendAsync}, with the future its sender holds. It is settled
 * exactly once, whoever gets there first (the dispatcher or closing); the future itself
 * does not say so, since its holder may complete it too.
 * <p>
 * The future is completed on the robot's callback executor, never on the thread that
 * settles it: a callback that blocks, or that waits for another message of the same
 * robot, must not hold up the dispatcher.
 */
final class Pending {

	private final Message message;

	private final Executor completions;

	private final CompletableFuture<DingTalkResponse> future = new CompletableFuture<>();

	private final AtomicBoolean settled = new AtomicBoolean();

	// Guarded by the queue: set when a merged message was too large, so that each of its
	// parts goes alone
	private boolean alone;

	Pending(Message message, Executor completions) {
		this.message = message;
		this.completions = completions;
	}

	Message message() {
		return this.message;
	}

	CompletableFuture<DingTalkResponse> future() {
		return this.future;
	}

	boolean isAlone() {
		return this.alone;
	}

	void markAlone() {
		this.alone = true;
	}

	boolean isSettled() {
		return this.settled.get();
	}

	void complete(DingTalkResponse response) {
		if (this.settled.compareAndSet(false, true)) {
			complete(() -> this.future.complete(response));
		}
	}

	/**
	 * Fail the message, unless it was settled already.
	 * @param exception why it was not delivered
	 * @return whether this call settled it
	 */
	boolean fail(DingTalkException exception) {
		if (this.settled.compareAndSet(false, true)) {
			complete(() -> this.future.completeExceptionally(exception));
			return true;
		}
		return false;
	}

	private void complete(Runnable completion) {
		try {
			this.completions.execute(completion);
		}
		catch (RejectedExecutionException ex) {
			// The robot has closed: nothing is left for a callback to hold up
			completion.run();
		}
	}

}
