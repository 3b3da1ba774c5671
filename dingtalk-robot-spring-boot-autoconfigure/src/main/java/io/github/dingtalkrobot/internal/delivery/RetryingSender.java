package io.github.dingtalkrobot.internal.delivery;

import java.time.Clock;
import java.util.function.BooleanSupplier;

import io.github.dingtalkrobot.DingTalkException;
import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.message.Message;
import org.jspecify.annotations.Nullable;

/**
 * The one retry loop of a robot, shared by {@code send} and the dispatcher: sends a
 * message and, while the retry policy allows, tries a failed attempt again after its
 * backoff, each time on a new slot of the rate limit.
 */
final class RetryingSender {

	private final Clock clock;

	private final RobotExchange exchange;

	private final RetryPolicy retryPolicy;

	RetryingSender(Clock clock, RobotExchange exchange, RetryPolicy retryPolicy) {
		this.clock = clock;
		this.exchange = exchange;
		this.retryPolicy = retryPolicy;
	}

	/**
	 * Send a message, retrying transient failures.
	 * @param message the message
	 * @param transport how to put the message on the wire, or {@code null} for the
	 * robot's own
	 * @param slot the slot of the rate limit taken for the first attempt
	 * @param slots where the slot of each further attempt comes from
	 * @param stop when to stop waiting for a backoff
	 * @return DingTalk's answer, with {@code errcode 0}
	 * @throws DingTalkException the last failure, when it is not retried, or when the
	 * wait for the next attempt stopped
	 * @throws InterruptedException if the thread was interrupted
	 */
	DingTalkResponse send(Message message, @Nullable MessageTransport transport, SlotStore.Slot slot, Slots slots,
			BooleanSupplier stop) throws InterruptedException {
		SlotStore.Slot current = slot;
		for (int attempt = 1;; attempt++) {
			try {
				return (transport != null) ? this.exchange.send(message, current, transport)
						: this.exchange.send(message, current);
			}
			catch (DingTalkException ex) {
				if (!this.retryPolicy.shouldRetry(ex, attempt) || !ClockWait.until(this.clock,
						this.clock.instant().plus(this.retryPolicy.backoff(attempt)), stop)) {
					throw ex;
				}
				SlotStore.Slot next = slots.next();
				if (next == null) {
					throw ex;
				}
				current = next;
			}
		}
	}

	/**
	 * Where the slots of retries come from.
	 */
	@FunctionalInterface
	interface Slots {

		/**
		 * Wait for a slot of the rate limit.
		 * @return the slot, or {@code null} when the wait stopped
		 * @throws DingTalkException if no slot comes in time
		 * @throws InterruptedException if the thread was interrupted
		 */
		SlotStore.@Nullable Slot next() throws InterruptedException;

	}

}
