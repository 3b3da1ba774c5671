package io.github.dingtalkrobot.internal.cluster;

import java.util.ArrayList;
import java.util.List;

import io.github.dingtalkrobot.message.ActionCardMessage;
import io.github.dingtalkrobot.message.At;
import io.github.dingtalkrobot.message.ButtonOrientation;
import io.github.dingtalkrobot.message.FeedCardMessage;
import io.github.dingtalkrobot.message.LinkMessage;
import io.github.dingtalkrobot.message.MarkdownMessage;
import io.github.dingtalkrobot.message.Message;
import io.github.dingtalkrobot.message.TextMessage;
import org.jspecify.annotations.Nullable;

/**
 * Writes a message as one string that a Redis stream entry holds, and reads it back as
 * the same record, so that any replica can merge and send it. The string is a sequence of
 * length-prefixed values ({@code <length>:<value>}), the message type first; a value that
 * may be absent is preceded by {@code 1} or {@code 0}. No JSON library is involved, so
 * the encoding is the same on every Spring Boot line.
 */
final class QueuedMessageCodec {

	private QueuedMessageCodec() {
	}

	static String encode(Message message) {
		Writer writer = new Writer();
		writer.value(message.msgtype());
		if (message instanceof TextMessage text) {
			writer.value(text.content()).at(text.at());
		}
		else if (message instanceof MarkdownMessage markdown) {
			writer.value(markdown.title()).value(markdown.text()).at(markdown.at());
		}
		else if (message instanceof LinkMessage link) {
			writer.value(link.title()).value(link.text()).value(link.messageUrl()).optional(link.picUrl());
		}
		else if (message instanceof ActionCardMessage card) {
			ActionCardMessage.Button single = card.singleButton();
			writer.value(card.title())
				.value(card.text())
				.optional((single != null) ? single.title() : null)
				.optional((single != null) ? single.url() : null)
				.value(String.valueOf(card.buttons().size()));
			card.buttons().forEach((button) -> writer.value(button.title()).value(button.url()));
			writer.value(card.orientation().name())
				.optional((card.hideAvatar() != null) ? card.hideAvatar().toString() : null);
		}
		else if (message instanceof FeedCardMessage feed) {
			writer.value(String.valueOf(feed.links().size()));
			feed.links().forEach((link) -> writer.value(link.title()).value(link.messageUrl()).value(link.picUrl()));
		}
		return writer.toString();
	}

	static Message decode(String encoded) {
		Reader reader = new Reader(encoded);
		String type = reader.value();
		return switch (type) {
			case "text" -> new TextMessage(reader.value(), reader.at());
			case "markdown" -> new MarkdownMessage(reader.value(), reader.value(), reader.at());
			case "link" -> new LinkMessage(reader.value(), reader.value(), reader.value(), reader.optional());
			case "actionCard" -> actionCard(reader);
			case "feedCard" -> {
				int count = Integer.parseInt(reader.value());
				List<FeedCardMessage.Link> links = new ArrayList<>(count);
				for (int i = 0; i < count; i++) {
					links.add(new FeedCardMessage.Link(reader.value(), reader.value(), reader.value()));
				}
				yield new FeedCardMessage(links);
			}
			default -> throw new IllegalArgumentException("Unknown message type '" + type + "'");
		};
	}

	private static ActionCardMessage actionCard(Reader reader) {
		String title = reader.value();
		String text = reader.value();
		String singleTitle = reader.optional();
		String singleUrl = reader.optional();
		ActionCardMessage.Button single = (singleTitle != null && singleUrl != null)
				? new ActionCardMessage.Button(singleTitle, singleUrl) : null;
		int count = Integer.parseInt(reader.value());
		List<ActionCardMessage.Button> buttons = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			buttons.add(new ActionCardMessage.Button(reader.value(), reader.value()));
		}
		ButtonOrientation orientation = ButtonOrientation.valueOf(reader.value());
		String hideAvatar = reader.optional();
		return new ActionCardMessage(title, text, single, buttons, orientation,
				(hideAvatar != null) ? Boolean.valueOf(hideAvatar) : null);
	}

	private static final class Writer {

		private final StringBuilder encoded = new StringBuilder();

		Writer value(String value) {
			this.encoded.append(value.length()).append(':').append(value);
			return this;
		}

		Writer optional(@Nullable String value) {
			return (value != null) ? value("1").value(value) : value("0");
		}

		Writer at(At at) {
			list(at.mobiles());
			list(at.userIds());
			return value(String.valueOf(at.all()));
		}

		private void list(List<String> values) {
			value(String.valueOf(values.size()));
			values.forEach(this::value);
		}

		@Override
		public String toString() {
			return this.encoded.toString();
		}

	}

	private static final class Reader {

		private final String encoded;

		private int position;

		Reader(String encoded) {
			this.encoded = encoded;
		}

		String value() {
			int colon = this.encoded.indexOf(':', this.position);
			int length = Integer.parseInt(this.encoded, this.position, colon, 10);
			this.position = colon + 1 + length;
			return this.encoded.substring(colon + 1, this.position);
		}

		@Nullable String optional() {
			return "1".equals(value()) ? value() : null;
		}

		At at() {
			List<String> mobiles = list();
			List<String> userIds = list();
			return new At(mobiles, userIds, Boolean.parseBoolean(value()));
		}

		private List<String> list() {
			int count = Integer.parseInt(value());
			List<String> values = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				values.add(value());
			}
			return values;
		}

	}

}
