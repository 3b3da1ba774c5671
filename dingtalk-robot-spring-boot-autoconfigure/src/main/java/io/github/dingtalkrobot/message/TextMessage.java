package io.github.dingtalkrobot.message;

/**
 * A plain text message, optionally mentioning group members.
 *
 * @param content the text to send
 * @param at who the message mentions
 * @since 0.1.0
 * @see Message#text(String)
 */
public record TextMessage(String content, At at) implements Message {

	public TextMessage {
		MessageAssert.hasText(content, "content");
		MessageAssert.notNull(at, "at");
	}

	@Override
	public String msgtype() {
		return "text";
	}

	/**
	 * Return a copy that also mentions the members with the given mobile numbers, naming
	 * each in the content if it is not named there yet.
	 * @param mobiles the mobile numbers
	 * @return a new message
	 */
	public TextMessage atMobiles(String... mobiles) {
		return mention(this.at.withMobiles(mobiles));
	}

	/**
	 * Return a copy that also mentions the members with the given user ids, naming each
	 * in the content if it is not named there yet.
	 * @param userIds the user ids
	 * @return a new message
	 */
	public TextMessage atUserIds(String... userIds) {
		return mention(this.at.withUserIds(userIds));
	}

	/**
	 * Return a copy that mentions everyone in the group.
	 * @return a new message
	 */
	public TextMessage atAll() {
		return new TextMessage(this.content, this.at.withAll());
	}

	private TextMessage mention(At at) {
		return new TextMessage(at.mentionIn(this.content), at);
	}

}
