package io.github.dingtalkrobot.message;

/**
 * A Markdown message, optionally mentioning group members. DingTalk renders a subset of
 * Markdown: headings, quotes, bold, italic, links, images and lists.
 *
 * @param title the title shown in the conversation list and notifications
 * @param text the Markdown body
 * @param at who the message mentions
 * @since 0.1.0
 * @see Message#markdown(String, String)
 */
public record MarkdownMessage(String title, String text, At at) implements Message {

	public MarkdownMessage {
		MessageAssert.hasText(title, "title");
		MessageAssert.hasText(text, "text");
		MessageAssert.notNull(at, "at");
	}

	@Override
	public String msgtype() {
		return "markdown";
	}

	/**
	 * Return a copy that also mentions the members with the given mobile numbers, naming
	 * each in the text if it is not named there yet.
	 * @param mobiles the mobile numbers
	 * @return a new message
	 */
	public MarkdownMessage atMobiles(String... mobiles) {
		return mention(this.at.withMobiles(mobiles));
	}

	/**
	 * Return a copy that also mentions the members with the given user ids, naming each
	 * in the text if it is not named there yet.
	 * @param userIds the user ids
	 * @return a new message
	 */
	public MarkdownMessage atUserIds(String... userIds) {
		return mention(this.at.withUserIds(userIds));
	}

	/**
	 * Return a copy that mentions everyone in the group.
	 * @return a new message
	 */
	public MarkdownMessage atAll() {
		return new MarkdownMessage(this.title, this.text, this.at.withAll());
	}

	private MarkdownMessage mention(At at) {
		return new MarkdownMessage(this.title, at.mentionIn(this.text), at);
	}

}
