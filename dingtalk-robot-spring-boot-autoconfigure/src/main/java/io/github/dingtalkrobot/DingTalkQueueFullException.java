package io.github.dingtalkrobot;

/**
 * Fails the future of
 * {@link DingTalkRobot#sendAsync(io.github.dingtalkrobot.message.Message) sendAsync} at
 * once when the robot already holds as many messages as its queue takes. The message was
 * not queued.
 *
 * @since 0.1.0
 */
public class DingTalkQueueFullException extends DingTalkException {

	private final int capacity;

	/**
	 * Create a new exception.
	 * @param robotName the name of the robot
	 * @param capacity how many messages the robot's queue takes
	 */
	public DingTalkQueueFullException(String robotName, int capacity) {
		super(robotName, "DingTalk robot '" + robotName + "' did not queue the message: its queue is full (capacity "
				+ capacity + ")", null);
		this.capacity = capacity;
	}

	/**
	 * Return how many messages the robot's queue takes.
	 * @return the capacity
	 */
	public int capacity() {
		return this.capacity;
	}

}
