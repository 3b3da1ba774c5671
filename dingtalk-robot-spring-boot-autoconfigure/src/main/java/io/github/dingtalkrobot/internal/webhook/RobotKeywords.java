package io.github.dingtalkrobot.internal.webhook;

import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import io.github.dingtalkrobot.message.ActionCardMessage;
import io.github.dingtalkrobot.message.FeedCardMessage;
import io.github.dingtalkrobot.message.LinkMessage;
import io.github.dingtalkrobot.message.MarkdownMessage;
import io.github.dingtalkrobot.message.Message;
import io.github.dingtalkrobot.message.TextMessage;

/**
 * A robot's keyword security setting: DingTalk drops a message that contains none of the
 * robot's keywords, so such a message gets the first keyword added to its body.
 *
 * @since 0.1.0
 */
public final class RobotKeywords {

	private static final String PARAGRAPH_SEPARATOR = "\n\n";

	private final List<String> keywords;

	/**
	 * Create the keywords of a robot.
	 * @param keywords the keywords, possibly none
	 * @throws IllegalArgumentException if a keyword is blank
	 */
	public RobotKeywords(Collection<String> keywords) {
		if (keywords.stream().anyMatch((keyword) -> keyword == null || keyword.isBlank())) {
			throw new IllegalArgumentException("'keywords' must not contain blank values");
		}
		this.keywords = List.copyOf(keywords);
	}

	/**
	 * Return the message as it is if it contains a keyword where DingTalk is known to
	 * look for one, or else with the first keyword added to its body. Only the title, the
	 * text and a text message's content count (for a feed card, which has none of them,
	 * its links' titles); a button's title never does, since whether DingTalk reads it is
	 * not documented. The emulator follows the same rule.
	 * @param message the message
	 * @return a message that passes DingTalk's keyword check
	 */
	public Message applyTo(Message message) {
		if (this.keywords.isEmpty() || visibleTexts(message).anyMatch(this::containsKeyword)) {
			return message;
		}
		return withKeyword(message, this.keywords.get(0));
	}

	/**
	 * Return what {@link #applyTo(Message)} appends to the text of a Markdown message
	 * that lacks a keyword, so that a message can be sized to leave room for it.
	 * @return the first keyword as a paragraph of its own, or an empty string when the
	 * robot has no keywords
	 */
	public String markdownAddition() {
		return this.keywords.isEmpty() ? "" : PARAGRAPH_SEPARATOR + this.keywords.get(0);
	}

	private boolean containsKeyword(String text) {
		return this.keywords.stream().anyMatch(text::contains);
	}

	private static Stream<String> visibleTexts(Message message) {
		if (message instanceof TextMessage text) {
			return Stream.of(text.content());
		}
		if (message instanceof MarkdownMessage markdown) {
			return Stream.of(markdown.title(), markdown.text());
		}
		if (message instanceof LinkMessage link) {
			return Stream.of(link.title(), link.text());
		}
		if (message instanceof ActionCardMessage actionCard) {
			return Stream.of(actionCard.title(), actionCard.text());
		}
		return ((FeedCardMessage) message).links().stream().map(FeedCardMessage.Link::title);
	}

	private static Message withKeyword(Message message, String keyword) {
		if (message instanceof TextMessage text) {
			return new TextMessage(text.content() + "\n" + keyword, text.at());
		}
		if (message instanceof MarkdownMessage markdown) {
			return new MarkdownMessage(markdown.title(), markdown.text() + PARAGRAPH_SEPARATOR + keyword,
					markdown.at());
		}
		if (message instanceof LinkMessage link) {
			return new LinkMessage(link.title(), link.text() + " " + keyword, link.messageUrl(), link.picUrl());
		}
		if (message instanceof ActionCardMessage card) {
			return new ActionCardMessage(card.title(), card.text() + PARAGRAPH_SEPARATOR + keyword, card.singleButton(),
					card.buttons(), card.orientation(), card.hideAvatar());
		}
		List<FeedCardMessage.Link> links = ((FeedCardMessage) message).links();
		FeedCardMessage.Link first = links.get(0);
		List<FeedCardMessage.Link> withKeyword = Stream.concat(
				Stream.of(new FeedCardMessage.Link(first.title() + " " + keyword, first.messageUrl(), first.picUrl())),
				links.stream().skip(1))
			.toList();
		return new FeedCardMessage(withKeyword);
	}

	@Override
	public String toString() {
		return this.keywords.toString();
	}

}
