package io.github.dingtalkrobot;

import java.time.Duration;

/**
 * Thrown when a robot sent too many messages: DingTalk answered {@code errcode 130101} or
 * {@code 410100}, or the robot's own rate limit refused the message. Sending again only
 * helps after {@link #retryAfter()}.
 *
 * @since 0.1.0
 */
public class DingTalkRateLimitedException extends DingTalkApiException {

	/**
	 * How long DingTalk throttles a robot that sent more than 20 messages a minute.
	 */
	public static final Duration DINGTALK_PENALTY = Duration.ofMinutes(10);

	private final Duration retryAfter;

	/**
	 * Create a new exception for DingTalk's own throttling, to be retried after
	 * {@link #DINGTALK_PENALTY}.
	 * @param robotName the name of the robot
	 * @param errorCode DingTalk's {@code errcode}
	 * @param errorMessage DingTalk's {@code errmsg}
	 */
	public DingTalkRateLimitedException(String robotName, int errorCode, String errorMessage) {
		this(robotName, errorCode, errorMessage, DINGTALK_PENALTY);
	}

	/**
	 * Create a new exception.
	 * @param robotName the name of the robot
	 * @param errorCode DingTalk's {@code errcode}, or the code the robot's own limit
	 * chose
	 * @param errorMessage the error message
	 * @param retryAfter how long to wait before sending again
	 */
	public DingTalkRateLimitedException(String robotName, int errorCode, String errorMessage, Duration retryAfter) {
		super(robotName, errorCode, errorMessage);
		this.retryAfter = retryAfter;
	}

	/**
	 * Return how long to wait before sending through this robot again.
	 * @return the time to wait
	 */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
