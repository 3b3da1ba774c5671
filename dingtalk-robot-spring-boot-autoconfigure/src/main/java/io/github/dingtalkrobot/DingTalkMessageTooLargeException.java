package io.github.dingtalkrobot;

/**
 * Thrown before sending a message whose JSON body is larger than DingTalk accepts.
 * Nothing was sent.
 *
 * @since 0.1.0
 */
public class DingTalkMessageTooLargeException extends DingTalkException {

	private final int size;

	private final int limit;

	/**
	 * Create a new exception.
	 * @param robotName the name of the robot
	 * @param size the size of the message's body in bytes
	 * @param limit the largest body DingTalk accepts, in bytes
	 */
	public DingTalkMessageTooLargeException(String robotName, int size, int limit) {
		super(robotName, "Message for DingTalk robot '" + robotName + "' is " + size + " bytes, more than the " + limit
				+ " bytes DingTalk accepts; shorten or split it", null);
		this.size = size;
		this.limit = limit;
	}

	/**
	 * Return the size of the message's JSON body.
	 * @return the size in bytes
	 */
	public int size() {
		return this.size;
	}

	/**
	 * Return the largest body DingTalk accepts.
	 * @return the limit in bytes
	 */
	public int limit() {
		return this.limit;
	}

}
