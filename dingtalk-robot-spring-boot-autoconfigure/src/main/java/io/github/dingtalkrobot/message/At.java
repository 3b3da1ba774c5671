package io.github.dingtalkrobot.message;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Who a text or Markdown message mentions. DingTalk only notifies the people that are
 * also named in the message's text, which {@link TextMessage} and {@link MarkdownMessage}
 * take care of.
 *
 * @param mobiles the mobile numbers of the group members to mention
 * @param userIds the user ids (staff ids) of the group members to mention
 * @param all whether to mention everyone in the group
 * @since 0.1.0
 */
public record At(List<String> mobiles, List<String> userIds, boolean all) {

	private static final At NONE = new At(List.of(), List.of(), false);

	public At {
		mobiles = noBlanks(mobiles, "mobiles");
		userIds = noBlanks(userIds, "userIds");
	}

	/**
	 * Return an {@code At} that mentions nobody.
	 * @return an empty mention
	 */
	public static At none() {
		return NONE;
	}

	/**
	 * Return whether this mentions nobody.
	 * @return {@code true} if there are no mobiles, no user ids and not everyone
	 */
	public boolean isEmpty() {
		return this.mobiles.isEmpty() && this.userIds.isEmpty() && !this.all;
	}

	At withMobiles(String... mobiles) {
		return new At(union(this.mobiles, mobiles, "mobiles"), this.userIds, this.all);
	}

	At withUserIds(String... userIds) {
		return new At(this.mobiles, union(this.userIds, userIds, "userIds"), this.all);
	}

	At withAll() {
		return new At(this.mobiles, this.userIds, true);
	}

	/**
	 * Return the text with {@code " @<mobile>"} and {@code " @<userId>"} appended for
	 * every mention that the text does not contain yet.
	 * @param text the text of the message
	 * @return the text that names everyone mentioned
	 */
	String mentionIn(String text) {
		StringBuilder result = new StringBuilder(text);
		this.mobiles.forEach((mobile) -> appendMention(result, mobile));
		this.userIds.forEach((userId) -> appendMention(result, userId));
		return result.toString();
	}

	private static void appendMention(StringBuilder text, String name) {
		String mention = "@" + name;
		if (text.indexOf(mention) == -1) {
			text.append(' ').append(mention);
		}
	}

	// Named after the parameter the caller passed, which may be a null array or a
	// single null
	private static List<String> union(List<String> existing, String @Nullable [] added, String field) {
		if (added == null) {
			throw new IllegalArgumentException("'" + field + "' must not be null");
		}
		Set<String> names = new LinkedHashSet<>(existing);
		for (String name : added) {
			names.add(MessageAssert.hasText(name, field));
		}
		return List.copyOf(names);
	}

	private static List<String> noBlanks(List<String> names, String field) {
		List<String> copy = MessageAssert.notNull(names, field);
		copy.forEach((name) -> MessageAssert.hasText(name, field));
		return copy;
	}

}
