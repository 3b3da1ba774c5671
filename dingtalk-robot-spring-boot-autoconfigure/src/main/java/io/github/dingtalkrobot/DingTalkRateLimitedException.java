package io.github.dingtalkrobot;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a robot sent too many messages: DingTalk answered {@code errcode 130101} or
 * {@code 410100} ({@link #fromDingTalk()} is {@code true}), or the robot's own rate limit
 * refused the message before anything was sent ({@link #fromDingTalk()} is {@code false},
 * and there is no {@link #errorCode()}). Sending again only helps after
 * {@link #retryAfter()}.
 * <p>
 * Not a {@link DingTalkApiException}: a local refusal is not an answer of DingTalk's.
 *
 * @since 0.1.0
 */
public class DingTalkRateLimitedException extends DingTalkException {

	/**
	 * How long DingTalk throttles a robot that sent more than 20 messages a minute.
	 */
	public static final Duration DINGTALK_PENALTY = Duration.ofMinutes(10);

	private final @Nullable Integer errorCode;

	private final @Nullable String errorMessage;

	private final Duration retryAfter;

	/**
	 * Create a new exception for DingTalk's own throttling, to be retried after
	 * {@link #DINGTALK_PENALTY}.
	 * @param robotName the name of the robot
	 * @param errorCode DingTalk's {@code errcode}
	 * @param errorMessage DingTalk's {@code errmsg}
	 */
	public DingTalkRateLimitedException(String robotName, int errorCode, String errorMessage) {
		super(robotName,
				"DingTalk robot '" + robotName + "' was refused with errcode " + errorCode + ": " + errorMessage, null);
		this.errorCode = errorCode;
		this.errorMessage = errorMessage;
		this.retryAfter = DINGTALK_PENALTY;
	}

	/**
	 * Create a new exception for a message that the robot's own rate limit refused, so
	 * that DingTalk never saw it.
	 * @param robotName the name of the robot
	 * @param message the detail message
	 * @param retryAfter how long to wait before sending again
	 */
	public DingTalkRateLimitedException(String robotName, String message, Duration retryAfter) {
		super(robotName, message, null);
		this.errorCode = null;
		this.errorMessage = null;
		this.retryAfter = retryAfter;
	}

	/**
	 * Return whether DingTalk answered that the robot sent too many messages, rather than
	 * the robot's own rate limit refusing the message before sending it.
	 * @return {@code true} when DingTalk throttled the robot
	 */
	public boolean fromDingTalk() {
		return this.errorCode != null;
	}

	/**
	 * Return DingTalk's {@code errcode}, {@code 130101} or {@code 410100}.
	 * @return the error code, or {@code null} when DingTalk never saw the message
	 */
	public @Nullable Integer errorCode() {
		return this.errorCode;
	}

	/**
	 * Return DingTalk's {@code errmsg}.
	 * @return the error message, or {@code null} when DingTalk never saw the message
	 */
	public @Nullable String errorMessage() {
		return this.errorMessage;
	}

	/**
	 * Return how long to wait before sending through this robot again.
	 * @return the time to wait
	 */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
