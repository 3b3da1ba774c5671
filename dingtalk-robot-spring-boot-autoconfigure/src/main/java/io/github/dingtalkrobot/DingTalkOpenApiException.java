package io.github.dingtalkrobot;

/**
 * Thrown when DingTalk's OpenAPI refused a request of an {@link DingTalkAppRobot app
 * robot}: it answered with an HTTP error status and its error body
 * {@code {"code":"...","message":"..."}}. {@link #errorCode()} is the HTTP status; act on
 * {@link #code()}, since the wording of {@link #errorMessage()} changes over time.
 *
 * @since 0.1.0
 */
public class DingTalkOpenApiException extends DingTalkApiException {

	private final String code;

	/**
	 * Create a new exception.
	 * @param robotName the name of the robot
	 * @param httpStatus the HTTP status of DingTalk's answer
	 * @param code the {@code code} of DingTalk's error body, such as
	 * {@code InvalidAuthentication}
	 * @param errorMessage the {@code message} of DingTalk's error body
	 */
	public DingTalkOpenApiException(String robotName, int httpStatus, String code, String errorMessage) {
		super(robotName, httpStatus, code + ": " + errorMessage);
		this.code = code;
	}

	/**
	 * Return the {@code code} of DingTalk's error body.
	 * @return the code
	 */
	public String code() {
		return this.code;
	}

	/**
	 * Return whether DingTalk failed on its side (an HTTP 5xx status), so that sending
	 * again may succeed.
	 * @return whether an immediate retry is reasonable
	 */
	@Override
	public boolean isRetryable() {
		return errorCode() >= 500;
	}

}
