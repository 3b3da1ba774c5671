package io.github.dingtalkrobot.emulator;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;

/**
 * What the emulator reads from a request's headers and body, independent of the robot it
 * is for: the message and the first reason DingTalk would refuse it.
 */
final class RobotMessage {

	/**
	 * The largest body DingTalk accepts, in bytes.
	 */
	static final int MAX_BODY_BYTES = 20_000;

	private final String body;

	private final Map<String, @Nullable Object> message;

	private final @Nullable String msgtype;

	private final @Nullable Map<?, ?> payload;

	private final @Nullable MessageType type;

	private final @Nullable EmulatorResponse rejection;

	private RobotMessage(WebhookRequest request) {
		String json = decodeStrictly(request.body());
		this.body = (json != null) ? json : new String(request.body(), StandardCharsets.UTF_8);
		Object parsed = (json != null) ? parseJson(json) : null;
		this.message = (parsed instanceof Map<?, ?>) ? castToMessage(parsed) : Map.of();
		this.msgtype = (this.message.get("msgtype") instanceof String value) ? value : null;
		this.type = (this.msgtype != null) ? MessageType.forMsgtype(this.msgtype) : null;
		this.payload = (this.type != null && this.message.get(this.type.msgtype()) instanceof Map<?, ?> value) ? value
				: null;
		this.rejection = rejection(request);
	}

	/**
	 * Read a request.
	 * @param request the request
	 * @return what it holds
	 */
	static RobotMessage read(WebhookRequest request) {
		return new RobotMessage(request);
	}

	private @Nullable EmulatorResponse rejection(WebhookRequest request) {
		if (!isJson(request.contentType())) {
			return EmulatorResponse.answer(DingTalkError.INVALID_CONTENT_TYPE);
		}
		if (request.body().length > MAX_BODY_BYTES) {
			return EmulatorResponse.answer(DingTalkError.MESSAGE_TOO_LONG);
		}
		if (this.msgtype == null) {
			return EmulatorResponse.answer(DingTalkError.MISSING_JSON);
		}
		if (this.type == null) {
			return EmulatorResponse.answer(DingTalkError.UNSUPPORTED_MSGTYPE);
		}
		String missing = (this.payload != null) ? this.type.missingField(this.payload) : null;
		if (this.payload == null || missing != null) {
			String field = (missing != null) ? this.type.msgtype() + "." + missing : this.type.msgtype();
			return EmulatorResponse.answer(DingTalkError.MISSING_JSON.errcode(), "缺少参数 " + field);
		}
		return null;
	}

	private static boolean isJson(@Nullable String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			MediaType mediaType = MediaType.parseMediaType(contentType);
			return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(mediaType)
					&& (mediaType.getCharset() == null || StandardCharsets.UTF_8.equals(mediaType.getCharset()));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static @Nullable String decodeStrictly(byte[] body) {
		try {
			return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private static @Nullable Object parseJson(String json) {
		try {
			return StrictJson.parse(json);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, @Nullable Object> castToMessage(Object object) {
		// JSON object keys are always strings
		return (Map<String, @Nullable Object>) object;
	}

	String body() {
		return this.body;
	}

	Map<String, @Nullable Object> message() {
		return this.message;
	}

	@Nullable String msgtype() {
		return this.msgtype;
	}

	@Nullable String title() {
		return (this.type != null && this.payload != null) ? this.type.title(this.payload) : null;
	}

	@Nullable String text() {
		return (this.type != null && this.payload != null) ? this.type.text(this.payload) : null;
	}

	/**
	 * Return what a group member sees of the message, which is where DingTalk looks for a
	 * robot's keywords: the title and the text.
	 * @return the visible text, empty when there is none
	 */
	String visibleText() {
		return Stream.of(title(), text()).filter(Objects::nonNull).collect(Collectors.joining("\n"));
	}

	boolean containsAnyOf(List<String> keywords) {
		if (keywords.isEmpty()) {
			return true;
		}
		String visibleText = visibleText();
		return keywords.stream().anyMatch(visibleText::contains);
	}

	/**
	 * Return the first reason DingTalk would refuse the request before looking at the
	 * robot's keywords and rate.
	 * @return the answer refusing it, or {@code null} when the message is well-formed
	 */
	@Nullable EmulatorResponse rejection() {
		return this.rejection;
	}

}
