package io.github.dingtalkrobot;

/**
 * Thrown when DingTalk answers with an {@code errcode} other than {@code 0}. Act on
 * {@link #errorCode()}; the wording of {@link #errorMessage()} changes over time.
 *
 * @since 0.1.0
 */
public class DingTalkApiException extends DingTalkException {

	private static final int SYSTEM_BUSY = -1;

	private final int errorCode;

	private final String errorMessage;

	/**
	 * Create a new exception.
	 * @param robotName the name of the robot
	 * @param errorCode DingTalk's {@code errcode}
	 * @param errorMessage DingTalk's {@code errmsg}
	 */
	public DingTalkApiException(String robotName, int errorCode, String errorMessage) {
		super(robotName,
				"DingTalk robot '" + robotName + "' was refused with errcode " + errorCode + ": " + errorMessage, null);
		this.errorCode = errorCode;
		this.errorMessage = errorMessage;
	}

	/**
	 * Return DingTalk's {@code errcode}, for example {@code 310000} when a security check
	 * failed.
	 * @return the error code
	 */
	public int errorCode() {
		return this.errorCode;
	}

	/**
	 * Return DingTalk's {@code errmsg}.
	 * @return the error message
	 */
	public String errorMessage() {
		return this.errorMessage;
	}

	/**
	 * Return whether DingTalk was only busy ({@code errcode -1}), so that sending again
	 * may succeed.
	 * @return whether an immediate retry is reasonable
	 */
	@Override
	public boolean isRetryable() {
		return this.errorCode == SYSTEM_BUSY;
	}

}
