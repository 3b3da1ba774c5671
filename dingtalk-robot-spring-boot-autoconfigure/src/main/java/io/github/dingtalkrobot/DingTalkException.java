package io.github.dingtalkrobot;

import org.jspecify.annotations.Nullable;

/**
 * Base class for the exceptions of DingTalk robots. Messages never contain the robot's
 * access token, secret, signature or webhook query string.
 *
 * @since 0.1.0
 */
public class DingTalkException extends RuntimeException {

	private final String robotName;

	/**
	 * Create a new exception.
	 * @param robotName the name of the robot
	 * @param message the detail message
	 * @param cause the cause, if any
	 */
	public DingTalkException(String robotName, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.robotName = robotName;
	}

	/**
	 * Return the name of the robot that failed.
	 * @return the robot's name
	 */
	public String robotName() {
		return this.robotName;
	}

	/**
	 * Return whether sending the same message again right away may succeed and will not
	 * post it twice.
	 * @return whether an immediate retry is reasonable
	 */
	public boolean isRetryable() {
		return false;
	}

}
