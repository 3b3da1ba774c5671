package io.github.dingtalkrobot.emulator;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The message types a robot webhook accepts, with the fields DingTalk requires of each
 * and the text a group member sees.
 */
enum MessageType {

	TEXT("text") {

		@Override
		@Nullable String missingField(Map<?, ?> payload) {
			return firstMissing(payload, "content");
		}

		@Override
		@Nullable String title(Map<?, ?> payload) {
			return null;
		}

		@Override
		@Nullable String text(Map<?, ?> payload) {
			return string(payload, "content");
		}

	},

	LINK("link") {

		@Override
		@Nullable String missingField(Map<?, ?> payload) {
			return firstMissing(payload, "title", "text", "messageUrl");
		}

	},

	MARKDOWN("markdown") {

		@Override
		@Nullable String missingField(Map<?, ?> payload) {
			return firstMissing(payload, "title", "text");
		}

	},

	ACTION_CARD("actionCard") {

		@Override
		@Nullable String missingField(Map<?, ?> payload) {
			String missing = firstMissing(payload, "title", "text");
			if (missing != null) {
				return missing;
			}
			// A whole-card button overrides independent buttons, so btns only matter
			// without one
			if (payload.get("singleTitle") != null || payload.get("singleURL") != null) {
				return firstMissing(payload, "singleTitle", "singleURL");
			}
			return firstMissingInEach(payload, "btns", "title", "actionURL");
		}

	},

	FEED_CARD("feedCard") {

		@Override
		@Nullable String missingField(Map<?, ?> payload) {
			return firstMissingInEach(payload, "links", "title", "messageURL", "picURL");
		}

		@Override
		@Nullable String title(Map<?, ?> payload) {
			return null;
		}

		@Override
		@Nullable String text(Map<?, ?> payload) {
			if (!(payload.get("links") instanceof List<?> links)) {
				return null;
			}
			return links.stream()
				.filter(Map.class::isInstance)
				.map((link) -> string((Map<?, ?>) link, "title"))
				.filter(Objects::nonNull)
				.collect(Collectors.joining("\n"));
		}

	};

	private final String msgtype;

	MessageType(String msgtype) {
		this.msgtype = msgtype;
	}

	/**
	 * Return the {@code msgtype} value, which is also the key of the type's payload.
	 * @return the msgtype
	 */
	String msgtype() {
		return this.msgtype;
	}

	/**
	 * Return the first required field the payload lacks or leaves blank.
	 * @param payload the type's payload object
	 * @return the field's path relative to the payload, or {@code null} when the payload
	 * is complete
	 */
	abstract @Nullable String missingField(Map<?, ?> payload);

	/**
	 * Return the message's title.
	 * @param payload the type's payload object
	 * @return the title, or {@code null} for a type without one
	 */
	@Nullable String title(Map<?, ?> payload) {
		return string(payload, "title");
	}

	/**
	 * Return the message's text: the content of a text message, the text of the other
	 * types and the link titles of a feed card.
	 * @param payload the type's payload object
	 * @return the text, or {@code null} when absent
	 */
	@Nullable String text(Map<?, ?> payload) {
		return string(payload, "text");
	}

	static @Nullable MessageType forMsgtype(String msgtype) {
		for (MessageType type : values()) {
			if (type.msgtype.equals(msgtype)) {
				return type;
			}
		}
		return null;
	}

	private static @Nullable String string(Map<?, ?> object, String field) {
		return (object.get(field) instanceof String string) ? string : null;
	}

	private static @Nullable String firstMissing(Map<?, ?> object, String... fields) {
		for (String field : fields) {
			if (!(object.get(field) instanceof String value) || value.isBlank()) {
				return field;
			}
		}
		return null;
	}

	private static @Nullable String firstMissingInEach(Map<?, ?> payload, String arrayField, String... fields) {
		if (!(payload.get(arrayField) instanceof List<?> items) || items.isEmpty()) {
			return arrayField;
		}
		for (int i = 0; i < items.size(); i++) {
			String element = arrayField + "[" + i + "]";
			if (!(items.get(i) instanceof Map<?, ?> item)) {
				return element;
			}
			String missing = firstMissing(item, fields);
			if (missing != null) {
				return element + "." + missing;
			}
		}
		return null;
	}

}
