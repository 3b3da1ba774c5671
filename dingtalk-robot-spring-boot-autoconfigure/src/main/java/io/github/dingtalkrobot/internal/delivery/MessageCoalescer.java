package io.github.dingtalkrobot.internal.delivery;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.dingtalkrobot.internal.webhook.JsonBytes;
import io.github.dingtalkrobot.message.At;
import io.github.dingtalkrobot.message.MarkdownMessage;
import io.github.dingtalkrobot.message.Message;
import io.github.dingtalkrobot.message.TextMessage;

/**
 * Merges consecutive waiting text and Markdown messages into one Markdown message, so
 * that a burst costs few of the robot's 20 messages a minute. Each message becomes a
 * paragraph, in order; the merged message mentions everyone the parts mention. A merged
 * message stays within DingTalk's size limit by an estimate of its JSON body: the body is
 * written later by the HTTP client's converter, so the estimate assumes Jackson's
 * defaults and leaves a margin, and the size check before sending remains the last word.
 */
final class MessageCoalescer {

	// {"msgtype":"markdown","markdown":{"title":"","text":""},"at":{"atMobiles":[],
	// "atUserIds":[],"isAtAll":false}} is 111 bytes; the rest is room for a converter
	// that puts spaces or line breaks between fields
	private static final int ENVELOPE_BYTES = 256;

	// Markdown needs a blank line between paragraphs
	private static final String PARAGRAPH_SEPARATOR = "\n\n";

	// A single line break collapses in Markdown; two trailing spaces keep it
	private static final String LINE_BREAK = "  \n";

	private static final int TITLE_LENGTH = 64;

	// " (+N more)" with up to eight digits
	private static final int MORE_BYTES = 18;

	// '"' + value + '"' + ','
	private static final int MENTION_OVERHEAD_BYTES = 3;

	private final boolean enabled;

	private final int maxBodyBytes;

	/**
	 * Create a coalescer.
	 * @param enabled whether to merge at all
	 * @param maxBodyBytes the largest body a merged message may have, after whatever the
	 * robot adds to it later (a keyword)
	 */
	MessageCoalescer(boolean enabled, int maxBodyBytes) {
		this.enabled = enabled;
		this.maxBodyBytes = maxBodyBytes;
	}

	/**
	 * Return how many of the waiting messages, from the head, go out together.
	 * @param waiting the waiting messages, in order, at least one
	 * @return how many to take, at least one
	 */
	int batchSize(Iterable<Pending> waiting) {
		Iterator<Pending> messages = waiting.iterator();
		Pending first = messages.next();
		if (!this.enabled || !isMergeable(first)) {
			return 1;
		}
		long bytes = ENVELOPE_BYTES + JsonBytes.of(titleOf(first.message())) + MORE_BYTES + partBytes(first.message());
		int count = 1;
		while (messages.hasNext()) {
			Pending next = messages.next();
			if (!isMergeable(next)) {
				break;
			}
			bytes += JsonBytes.of(PARAGRAPH_SEPARATOR) + partBytes(next.message());
			if (bytes > this.maxBodyBytes) {
				break;
			}
			count++;
		}
		return count;
	}

	/**
	 * Merge messages chosen by {@link #batchSize(Iterable)}.
	 * @param messages the messages, in order
	 * @return the only message as it is, or one Markdown message carrying them all
	 */
	Message merge(List<Message> messages) {
		if (messages.size() == 1) {
			return messages.get(0);
		}
		String title = titleOf(messages.get(0)) + " (+" + (messages.size() - 1) + " more)";
		String text = messages.stream()
			.map(MessageCoalescer::paragraph)
			.collect(Collectors.joining(PARAGRAPH_SEPARATOR));
		Set<String> mobiles = new LinkedHashSet<>();
		Set<String> userIds = new LinkedHashSet<>();
		boolean all = false;
		for (Message message : messages) {
			At at = mentions(message);
			mobiles.addAll(at.mobiles());
			userIds.addAll(at.userIds());
			all |= at.all();
		}
		return new MarkdownMessage(title, text, new At(List.copyOf(mobiles), List.copyOf(userIds), all));
	}

	private static boolean isMergeable(Pending pending) {
		Message message = pending.message();
		return !pending.isAlone() && (message instanceof TextMessage || message instanceof MarkdownMessage);
	}

	private static long partBytes(Message message) {
		At at = mentions(message);
		long bytes = JsonBytes.of(paragraph(message));
		for (String name : at.mobiles()) {
			bytes += JsonBytes.of(name) + MENTION_OVERHEAD_BYTES;
		}
		for (String name : at.userIds()) {
			bytes += JsonBytes.of(name) + MENTION_OVERHEAD_BYTES;
		}
		return bytes;
	}

	private static String titleOf(Message message) {
		String title = (message instanceof MarkdownMessage markdown) ? markdown.title()
				: ((TextMessage) message).content().strip().lines().findFirst().orElse("").strip();
		if (title.codePointCount(0, title.length()) <= TITLE_LENGTH) {
			return title;
		}
		return title.substring(0, title.offsetByCodePoints(0, TITLE_LENGTH - 1)) + "…";
	}

	private static String paragraph(Message message) {
		if (message instanceof MarkdownMessage markdown) {
			return markdown.text();
		}
		return ((TextMessage) message).content().replace("\n", LINE_BREAK);
	}

	private static At mentions(Message message) {
		return (message instanceof MarkdownMessage markdown) ? markdown.at() : ((TextMessage) message).at();
	}

}
