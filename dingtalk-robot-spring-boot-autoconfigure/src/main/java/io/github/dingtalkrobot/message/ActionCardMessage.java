package io.github.dingtalkrobot.message;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An action card: a Markdown card with either one button that makes the whole card a
 * link, or any number of independent buttons.
 *
 * @param title the title shown in the conversation list and notifications
 * @param text the Markdown body of the card
 * @param singleButton the whole-card button, or {@code null} when the card has
 * independent buttons
 * @param buttons the independent buttons, empty when the card has a single button
 * @param orientation how the buttons are laid out
 * @param hideAvatar whether to hide the robot's avatar, or {@code null} to leave it to
 * DingTalk
 * @since 0.1.0
 * @see Message#actionCard(String, String)
 */
public record ActionCardMessage(String title, String text, @Nullable Button singleButton, List<Button> buttons,
		ButtonOrientation orientation, @Nullable Boolean hideAvatar) implements Message {

	public ActionCardMessage {
		MessageAssert.hasText(title, "title");
		MessageAssert.hasText(text, "text");
		buttons = MessageAssert.notNull(buttons, "buttons");
		MessageAssert.notNull(orientation, "orientation");
		if (singleButton != null && !buttons.isEmpty()) {
			throw new IllegalArgumentException("'singleButton' and 'buttons' must not both be set");
		}
		if (singleButton == null && buttons.isEmpty()) {
			throw new IllegalArgumentException("Either 'singleButton' or 'buttons' must be set");
		}
	}

	@Override
	public String msgtype() {
		return "actionCard";
	}

	/**
	 * A button of an action card.
	 *
	 * @param title the button's label
	 * @param url the http(s) URL the button opens
	 */
	public record Button(String title, String url) {

		public Button {
			MessageAssert.hasText(title, "title");
			MessageAssert.isHttpUrl(url, "url");
		}

	}

	/**
	 * Builds an {@link ActionCardMessage}.
	 *
	 * @see Message#actionCard(String, String)
	 */
	public static final class Builder {

		private final String title;

		private final String text;

		private @Nullable Button singleButton;

		private final List<Button> buttons = new ArrayList<>();

		private ButtonOrientation orientation = ButtonOrientation.VERTICAL;

		private @Nullable Boolean hideAvatar;

		Builder(String title, String text) {
			this.title = MessageAssert.hasText(title, "title");
			this.text = MessageAssert.hasText(text, "text");
		}

		/**
		 * Make the whole card one link, shown as a single button.
		 * @param title the button's label
		 * @param url the http(s) URL the card opens
		 * @return this builder
		 */
		public Builder singleButton(String title, String url) {
			this.singleButton = new Button(title, url);
			return this;
		}

		/**
		 * Add an independent button.
		 * @param title the button's label
		 * @param url the http(s) URL the button opens
		 * @return this builder
		 */
		public Builder button(String title, String url) {
			this.buttons.add(new Button(title, url));
			return this;
		}

		/**
		 * Set how the buttons are laid out; {@link ButtonOrientation#VERTICAL} unless
		 * set.
		 * @param orientation the layout
		 * @return this builder
		 */
		public Builder orientation(ButtonOrientation orientation) {
			this.orientation = MessageAssert.notNull(orientation, "orientation");
			return this;
		}

		/**
		 * Set whether to hide the robot's avatar.
		 * @param hideAvatar whether to hide the avatar
		 * @return this builder
		 */
		public Builder hideAvatar(boolean hideAvatar) {
			this.hideAvatar = hideAvatar;
			return this;
		}

		/**
		 * Build the message.
		 * @return the message
		 * @throws IllegalArgumentException if the card is invalid, for example when it
		 * has both a single button and independent buttons
		 */
		public ActionCardMessage build() {
			return new ActionCardMessage(this.title, this.text, this.singleButton, this.buttons, this.orientation,
					this.hideAvatar);
		}

	}

}
