package io.github.dingtalkrobot.internal.delivery;

import java.util.List;

/**
 * The queue of a robot's {@code sendAsync} messages that its dispatcher drains: in the
 * JVM ({@link DeliveryQueue}) or in a store that outlives it ({@link DurableQueue}).
 * Messages that are being sent stay counted against the capacity until they are settled.
 */
interface RobotQueue {

	/**
	 * Add a message at the tail.
	 * @param pending the message
	 * @return whether it was added
	 */
	Offer offer(Pending pending);

	/**
	 * Wait until a message waits, or the queue is closed and has no more to hand out.
	 * @return {@code true} when a message waits, {@code false} when there will be none
	 * @throws InterruptedException if the thread was interrupted
	 */
	boolean awaitMessage() throws InterruptedException;

	/**
	 * Take the messages at the head that go out together as one.
	 * @param coalescer decides how many go together
	 * @return the messages, in order; empty when none waits
	 */
	List<Pending> take(MessageCoalescer coalescer);

	/**
	 * Forget messages that were taken and are settled now.
	 * @param batch the messages
	 */
	void done(List<Pending> batch);

	/**
	 * Put messages that were taken back at the head, in their order.
	 * @param batch the messages
	 * @param alone whether each of them is to go out on its own from now on
	 */
	void putBack(List<Pending> batch, boolean alone);

	/**
	 * Take no more messages. The queue in the JVM still hands out those already queued;
	 * the durable queue hands out no more, and leaves them to the other replicas.
	 */
	void close();

	/**
	 * Close the queue and empty it.
	 * @return the messages the robot is to give up on
	 */
	Drained drain();

	/**
	 * Return how many messages wait or are in flight.
	 * @return the depth of the queue
	 */
	int depth();

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
