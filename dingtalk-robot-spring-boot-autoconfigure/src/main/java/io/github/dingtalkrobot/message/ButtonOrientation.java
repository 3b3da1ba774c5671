package io.github.dingtalkrobot.message;

/**
 * How the buttons of an {@link ActionCardMessage} are laid out.
 *
 * @since 0.1.0
 */
public enum ButtonOrientation {

	/**
	 * Buttons one above the other, DingTalk's default.
	 */
	VERTICAL("0"),

	/**
	 * Buttons side by side.
	 */
	HORIZONTAL("1");

	private final String value;

	ButtonOrientation(String value) {
		this.value = value;
	}

	/**
	 * Return the value DingTalk expects in {@code btnOrientation}.
	 * @return {@code "0"} or {@code "1"}
	 */
	public String value() {
		return this.value;
	}

}
