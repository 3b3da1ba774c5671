package io.github.dingtalkrobot;

import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when DingTalk could not be reached or did not answer with its JSON: an I/O
 * error, a timeout, an HTTP status other than 2xx, or a body that is not DingTalk's
 * answer. {@link #mayHaveBeenDelivered()} tells whether the message may already be in the
 * group, which matters because sending it again would post it twice.
 *
 * @since 0.1.0
 */
public class DingTalkTransportException extends DingTalkException {

	private final @Nullable Integer statusCode;

	private final boolean retryable;

	private final boolean mayHaveBeenDelivered;

	/**
	 * Create a new exception.
	 * @param robotName the name of the robot
	 * @param message the detail message
	 * @param statusCode the HTTP status of the answer, or {@code null} if there was none
	 * @param retryable whether sending again right away may succeed without posting the
	 * message twice
	 * @param mayHaveBeenDelivered whether the message may have reached DingTalk
	 * @param cause the cause, if any
	 */
	public DingTalkTransportException(String robotName, String message, @Nullable Integer statusCode, boolean retryable,
			boolean mayHaveBeenDelivered, @Nullable Throwable cause) {
		super(robotName, message, cause);
		this.statusCode = statusCode;
		this.retryable = retryable;
		this.mayHaveBeenDelivered = mayHaveBeenDelivered;
	}

	/**
	 * Return the HTTP status of DingTalk's answer, if there was an answer.
	 * @return the status code, or an empty optional
	 */
	public OptionalInt statusCode() {
		return (this.statusCode != null) ? OptionalInt.of(this.statusCode) : OptionalInt.empty();
	}

	/**
	 * Return whether sending again right away may succeed without posting the message
	 * twice: {@code true} when the connection failed or DingTalk answered with a server
	 * error.
	 * @return whether an immediate retry is reasonable
	 */
	@Override
	public boolean isRetryable() {
		return this.retryable;
	}

	/**
	 * Return whether the message may have reached DingTalk, for example when the answer
	 * timed out after the request was sent.
	 * @return whether the message may already be in the group
	 */
	public boolean mayHaveBeenDelivered() {
		return this.mayHaveBeenDelivered;
	}

}
