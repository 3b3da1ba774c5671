package io.github.dingtalkrobot;

import org.jspecify.annotations.Nullable;

/**
 * How one request to DingTalk's webhook ended.
 *
 * @since 0.1.0
 * @see DingTalkRobotListener#onSend
 */
public enum SendOutcome {

	/**
	 * DingTalk accepted the message ({@code errcode 0}).
	 */
	SUCCESS,

	/**
	 * DingTalk refused the message with an {@code errcode} other than its rate limit's.
	 */
	API_ERROR,

	/**
	 * DingTalk refused the message because the robot sent too many
	 * ({@code errcode 130101} or {@code 410100}).
	 */
	RATE_LIMITED,

	/**
	 * DingTalk could not be reached or did not answer with its JSON: an I/O error, a
	 * timeout or an HTTP error status.
	 */
	TRANSPORT_ERROR;

	/**
	 * Return the outcome of a send that failed.
	 * @param failure the failure
	 * @return the outcome
	 */
	public static SendOutcome of(DingTalkException failure) {
		if (failure instanceof DingTalkRateLimitedException) {
			return RATE_LIMITED;
		}
		return (failure instanceof DingTalkApiException) ? API_ERROR : TRANSPORT_ERROR;
	}

	/**
	 * Return the errcode that DingTalk answered with, if DingTalk answered.
	 * @param failure the failure
	 * @return the errcode, or {@code null} when DingTalk gave none, for example when the
	 * robot's own rate limit refused the message
	 */
	public static @Nullable Integer errcodeOf(DingTalkException failure) {
		if (failure instanceof DingTalkRateLimitedException rateLimited) {
			return rateLimited.errorCode();
		}
		return (failure instanceof DingTalkApiException api) ? api.errorCode() : null;
	}

}
