package io.github.dingtalkrobot;

import java.time.Duration;

/**
 * Thrown by {@link DingTalkRobot#send(io.github.dingtalkrobot.message.Message) send} when
 * the store that several replicas share the robot's rate limit through (Redis, with
 * {@code dingtalk.cluster.mode=redis}) could not be reached within the rate limit's
 * maximum wait. Nothing was sent: without the store, the robot cannot know whether
 * DingTalk's budget has room. Also what the future of {@code sendAsync} fails with when
 * the durable queue ({@code dingtalk.cluster.queue=redis}) could not be reached: the
 * message was not queued.
 *
 * @since 0.1.0
 */
public class DingTalkStoreUnavailableException extends DingTalkException {

	private final String store;

	/**
	 * Create a new exception.
	 * @param robotName the name of the robot
	 * @param store the name of the store, such as {@code Redis}
	 * @param maxWait how long the robot waited for the store
	 */
	public DingTalkStoreUnavailableException(String robotName, String store, Duration maxWait) {
		super(robotName, "DingTalk robot '" + robotName + "' did not send the message: its rate limit store (" + store
				+ ") could not be reached within the maximum wait of " + maxWait.toMillis() + " ms", null);
		this.store = store;
	}

	/**
	 * Create a new exception with the given message.
	 * @param robotName the name of the robot
	 * @param store the name of the store, such as {@code Redis}
	 * @param message what was not done, and why
	 */
	public DingTalkStoreUnavailableException(String robotName, String store, String message) {
		super(robotName, message, null);
		this.store = store;
	}

	/**
	 * Return the name of the store that could not be reached.
	 * @return the store, such as {@code Redis}
	 */
	public String store() {
		return this.store;
	}

}
