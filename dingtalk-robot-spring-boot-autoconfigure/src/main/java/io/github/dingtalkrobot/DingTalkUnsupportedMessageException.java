package io.github.dingtalkrobot;

/**
 * Thrown before sending a message that the robot cannot send at all, such as a feed card
 * through an {@link DingTalkAppRobot app robot}, since DingTalk's OpenAPI has no feed
 * card. Nothing was sent.
 *
 * @since 0.1.0
 */
public class DingTalkUnsupportedMessageException extends DingTalkException {

	private final String msgtype;

	/**
	 * Create a new exception.
	 * @param robotName the name of the robot
	 * @param msgtype the type of the message
	 * @param reason why the robot cannot send it, and what to do instead
	 */
	public DingTalkUnsupportedMessageException(String robotName, String msgtype, String reason) {
		super(robotName, "DingTalk robot '" + robotName + "' cannot send a " + msgtype + " message: " + reason, null);
		this.msgtype = msgtype;
	}

	/**
	 * Return the type of the message that was refused.
	 * @return the message's {@code msgtype}
	 */
	public String msgtype() {
		return this.msgtype;
	}

}
