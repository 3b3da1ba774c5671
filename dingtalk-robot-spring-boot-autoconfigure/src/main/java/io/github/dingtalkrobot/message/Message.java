package io.github.dingtalkrobot.message;

/**
 * A message that a DingTalk group robot can send. Create one with the static factory
 * methods; every message is immutable and is validated when it is built.
 *
 * @since 0.1.0
 */
public sealed interface Message permits TextMessage, LinkMessage, MarkdownMessage, ActionCardMessage, FeedCardMessage {

	/**
	 * Return the {@code msgtype} that DingTalk knows this message by, for example
	 * {@code "text"} or {@code "actionCard"}.
	 * @return the message type
	 */
	String msgtype();

	/**
	 * Create a plain text message.
	 * @param content the text to send
	 * @return the message
	 */
	static TextMessage text(String content) {
		return new TextMessage(content, At.none());
	}

	/**
	 * Create a Markdown message.
	 * @param title the title shown in the conversation list and notifications
	 * @param text the Markdown body
	 * @return the message
	 */
	static MarkdownMessage markdown(String title, String text) {
		return new MarkdownMessage(title, text, At.none());
	}

	/**
	 * Create a link message.
	 * @param title the title of the link
	 * @param text the text shown under the title
	 * @param messageUrl the http(s) URL opened when the message is clicked
	 * @return the message
	 * @see LinkMessage#withPicUrl(String)
	 */
	static LinkMessage link(String title, String text, String messageUrl) {
		return new LinkMessage(title, text, messageUrl, null);
	}

	/**
	 * Start an action card message.
	 * @param title the title shown in the conversation list and notifications
	 * @param text the Markdown body of the card
	 * @return a builder for the card's buttons
	 */
	static ActionCardMessage.Builder actionCard(String title, String text) {
		return new ActionCardMessage.Builder(title, text);
	}

	/**
	 * Start a feed card message.
	 * @return a builder for the card's links
	 */
	static FeedCardMessage.Builder feedCard() {
		return new FeedCardMessage.Builder();
	}

}
