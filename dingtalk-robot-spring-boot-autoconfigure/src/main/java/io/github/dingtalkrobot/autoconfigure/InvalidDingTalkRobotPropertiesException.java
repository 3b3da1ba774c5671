package io.github.dingtalkrobot.autoconfigure;

/**
 * Thrown at startup when the {@code dingtalk.*} properties do not describe usable robots.
 * Its message names the property and the problem, never the property's value.
 *
 * @since 0.1.0
 */
public final class InvalidDingTalkRobotPropertiesException extends RuntimeException {

	private final String property;

	private final String action;

	InvalidDingTalkRobotPropertiesException(String property, String problem, String action) {
		super("Property '" + property + "' " + problem);
		this.property = property;
		this.action = action;
	}

	/**
	 * Return the name of the property at fault, for example
	 * {@code dingtalk.robots.ops.webhook}.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Return what to do to fix the configuration.
	 * @return the action, as a sentence
	 */
	public String getAction() {
		return this.action;
	}

}
