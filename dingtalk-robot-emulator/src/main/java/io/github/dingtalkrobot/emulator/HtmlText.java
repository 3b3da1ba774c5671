package io.github.dingtalkrobot.emulator;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Text of untrusted messages as HTML: escaped, with the people a message mentions
 * highlighted as DingTalk highlights them.
 */
final class HtmlText {

	private HtmlText() {
	}

	/**
	 * Escape text for an HTML element or a quoted attribute.
	 * @param text the text
	 * @return the escaped text
	 */
	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	/**
	 * Escape text, wrapping each {@code @mobile}, {@code @userId} and, for a message to
	 * everyone, {@code @所有人} in {@code <span class="mention">}.
	 * @param text the text
	 * @param mentions the people the message mentions
	 * @return the text as HTML
	 */
	static String withMentions(String text, Mentions mentions) {
		List<String> tokens = mentionTokens(mentions);
		if (tokens.isEmpty()) {
			return escape(text);
		}
		// Longest first, so that "@1380" does not cut "@13800000000" short
		Pattern pattern = Pattern.compile(tokens.stream()
			.sorted(Comparator.comparingInt(String::length).reversed())
			.map(Pattern::quote)
			.collect(Collectors.joining("|")));
		StringBuilder html = new StringBuilder(text.length() + 64);
		Matcher matcher = pattern.matcher(text);
		int last = 0;
		while (matcher.find()) {
			html.append(escape(text.substring(last, matcher.start())));
			html.append(mention(matcher.group()));
			last = matcher.end();
		}
		html.append(escape(text.substring(last)));
		return html.toString();
	}

	/**
	 * Return the mentions as DingTalk lists them under a message, one highlighted
	 * {@code @name} each.
	 * @param mentions the people the message mentions
	 * @return the HTML, empty without mentions
	 */
	static String mentionList(Mentions mentions) {
		return mentionTokens(mentions).stream().distinct().map(HtmlText::mention).collect(Collectors.joining(" "));
	}

	private static String mention(String token) {
		return "<span class=\"mention\">" + escape(token) + "</span>";
	}

	private static List<String> mentionTokens(Mentions mentions) {
		Stream<String> people = Stream.concat(mentions.atMobiles().stream(), mentions.atUserIds().stream())
			.filter((person) -> !person.isBlank())
			.map((person) -> "@" + person);
		return Stream.concat(people, mentions.atAll() ? Stream.of("@所有人") : Stream.empty()).toList();
	}

}
