package io.github.dingtalkrobot;

/**
 * Thrown, or fails the future of a queued message, when a robot was closed: it takes no
 * new messages, and closing gives up on the queued messages that could not be delivered
 * within the shutdown timeout.
 *
 * @since 0.1.0
 */
public class DingTalkRobotClosedException extends DingTalkException {

	private final boolean mayHaveBeenDelivered;

	/**
	 * Create a new exception.
	 * @param robotName the name of the robot
	 * @param message the detail message
	 * @param mayHaveBeenDelivered whether the message was being sent when the robot gave
	 * up on it, so that it may have reached the group
	 */
	public DingTalkRobotClosedException(String robotName, String message, boolean mayHaveBeenDelivered) {
		super(robotName, message, null);
		this.mayHaveBeenDelivered = mayHaveBeenDelivered;
	}

	/**
	 * Return whether the message was being sent when the robot gave up on it, so that it
	 * may have reached the group.
	 * @return whether the message may be in the group
	 */
	public boolean mayHaveBeenDelivered() {
		return this.mayHaveBeenDelivered;
	}

}
