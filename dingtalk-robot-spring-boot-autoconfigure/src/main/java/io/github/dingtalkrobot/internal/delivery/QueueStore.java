package io.github.dingtalkrobot.internal.delivery;

import java.time.Duration;
import java.util.List;

import io.github.dingtalkrobot.DingTalkException;
import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.message.Message;
import org.jspecify.annotations.Nullable;

/**
 * Where a robot's {@code sendAsync} messages are kept so that they outlive the replica
 * that took them: a store that several replicas share, of which one at a time, the one
 * whose turn it is, delivers. Implementations are thread-safe. Internal: public only so
 * that the shared stores can implement it.
 *
 * @since 0.1.0
 */
public interface QueueStore {

	/**
	 * Add a message at the tail, unless the store holds as many as the capacity already.
	 * @param messageId the id this replica knows the message by
	 * @param message the message
	 * @param capacity the most messages the store may hold for the robot
	 * @return {@code false} when the store is full
	 * @throws UnavailableException if the store cannot be reached
	 */
	boolean add(String messageId, Message message, int capacity);

	/**
	 * Take, or keep, the robot's turn to deliver, when the store holds messages.
	 * @return whether this replica delivers now
	 * @throws UnavailableException if the store cannot be reached
	 */
	boolean takeTurn();

	/**
	 * Read the next messages during this replica's turn: first those that a replica took
	 * and left unsettled for longer than the claim time, then new ones.
	 * @param count the most messages to read
	 * @return the messages, in order
	 * @throws UnavailableException if the store cannot be reached
	 */
	List<Entry> read(int count);

	/**
	 * Check, before sending them, that messages are still this replica's to send.
	 * @param entries messages this replica read
	 * @return the ids of those of them that another replica settled meanwhile, or
	 * {@code null} when the turn passed to another replica
	 * @throws UnavailableException if the store cannot be reached
	 */
	@Nullable List<String> settledElsewhere(List<Entry> entries);

	/**
	 * Record messages as settled, delivered or given up on, and remove them.
	 * @param entries the messages
	 * @throws UnavailableException if the store cannot be reached
	 */
	void settle(List<Entry> entries);

	/**
	 * Let the replica whose turn comes next read messages that this replica read but will
	 * not send, at once instead of after the claim time.
	 * @param entries the messages
	 * @throws UnavailableException if the store cannot be reached
	 */
	void handBack(List<Entry> entries);

	/**
	 * Give the robot's turn up, if this replica has it.
	 */
	void endTurn();

	/**
	 * Tell the replica that added a message what became of it.
	 * @param entry the message
	 * @param response DingTalk's answer, or {@code null} when the message failed
	 * @param failure why the message failed, or {@code null} when it was delivered
	 */
	void reportOutcome(Entry entry, @Nullable DingTalkResponse response, @Nullable DingTalkException failure);

	/**
	 * Listen to what became of the messages this replica added and another delivered.
	 * @param listener the listener, replacing any other
	 */
	void onOutcome(OutcomeListener listener);

	/**
	 * Return how many messages the store holds for the robot.
	 * @return the depth of the queue
	 * @throws UnavailableException if the store cannot be reached
	 */
	int depth();

	/**
	 * Return how long to wait before asking for the robot's turn again.
	 * @return the interval, in elapsed time
	 */
	Duration pollInterval();

	/**
	 * Return the name of the store, for messages.
	 * @return the name, such as {@code Redis}
	 */
	String name();

	/**
	 * A message held in the store.
	 *
	 * @param id the store's id of the message
	 * @param messageId the id the replica that added the message knows it by
	 * @param origin the replica that added the message
	 * @param message the message
	 */
	record Entry(String id, String messageId, String origin, Message message) {

	}

	/**
	 * Told what became of messages this replica added.
	 */
	interface OutcomeListener {

		/**
		 * A message was delivered.
		 * @param messageId the id of the message
		 * @param response DingTalk's answer
		 */
		void delivered(String messageId, DingTalkResponse response);

		/**
		 * The replica that sent a message gave up on it.
		 * @param messageId the id of the message
		 * @param reason why, as the exception's message said
		 */
		void failed(String messageId, String reason);

	}

	/**
	 * Thrown when the store cannot be reached.
	 */
	class UnavailableException extends RuntimeException {

		/**
		 * Create a new exception.
		 * @param message the detail message
		 * @param cause the failure of the store's client
		 */
		public UnavailableException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
