package io.github.dingtalkrobot.emulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A strict RFC 8259 JSON parser, so that the emulator detects malformed bodies the way
 * DingTalk does without tying its users to one Jackson generation. Objects become
 * unmodifiable {@link LinkedHashMap}s, arrays unmodifiable lists, integral numbers
 * {@link Long} when they fit and every other number a {@link BigDecimal}.
 */
final class JsonParser {

	private static final int MAX_DEPTH = 64;

	private final String json;

	private int position;

	private JsonParser(String json) {
		this.json = json;
	}

	/**
	 * Parse one JSON text.
	 * @param json the text
	 * @return the value it holds
	 * @throws IllegalArgumentException if the text is not valid JSON
	 */
	static @Nullable Object parse(String json) {
		JsonParser parser = new JsonParser(json);
		parser.skipWhitespace();
		Object value = parser.readValue(0);
		parser.skipWhitespace();
		if (parser.position != json.length()) {
			throw parser.invalid("unexpected content after the JSON value");
		}
		return value;
	}

	private @Nullable Object readValue(int depth) {
		if (depth > MAX_DEPTH) {
			throw invalid("nesting deeper than " + MAX_DEPTH);
		}
		return switch (peek()) {
			case '{' -> readObject(depth + 1);
			case '[' -> readArray(depth + 1);
			case '"' -> readString();
			case 't' -> readLiteral("true", Boolean.TRUE);
			case 'f' -> readLiteral("false", Boolean.FALSE);
			case 'n' -> readLiteral("null", null);
			default -> readNumber();
		};
	}

	private Map<String, @Nullable Object> readObject(int depth) {
		this.position++;
		Map<String, @Nullable Object> object = new LinkedHashMap<>();
		skipWhitespace();
		if (peek() == '}') {
			this.position++;
			return Collections.unmodifiableMap(object);
		}
		while (true) {
			skipWhitespace();
			if (peek() != '"') {
				throw invalid("expected a string as object key");
			}
			String key = readString();
			skipWhitespace();
			expect(':');
			skipWhitespace();
			object.put(key, readValue(depth));
			skipWhitespace();
			char next = next();
			if (next == '}') {
				return Collections.unmodifiableMap(object);
			}
			if (next != ',') {
				throw invalid("expected ',' or '}'");
			}
		}
	}

	private List<@Nullable Object> readArray(int depth) {
		this.position++;
		List<@Nullable Object> array = new ArrayList<>();
		skipWhitespace();
		if (peek() == ']') {
			this.position++;
			return Collections.unmodifiableList(array);
		}
		while (true) {
			skipWhitespace();
			array.add(readValue(depth));
			skipWhitespace();
			char next = next();
			if (next == ']') {
				return Collections.unmodifiableList(array);
			}
			if (next != ',') {
				throw invalid("expected ',' or ']'");
			}
		}
	}

	private String readString() {
		this.position++;
		StringBuilder string = new StringBuilder();
		while (true) {
			char next = next();
			if (next == '"') {
				return string.toString();
			}
			if (next == '\\') {
				string.append(readEscape());
			}
			else if (next < 0x20) {
				throw invalid("unescaped control character in a string");
			}
			else {
				string.append(next);
			}
		}
	}

	private char readEscape() {
		char escaped = next();
		return switch (escaped) {
			case '"', '\\', '/' -> escaped;
			case 'b' -> '\b';
			case 'f' -> '\f';
			case 'n' -> '\n';
			case 'r' -> '\r';
			case 't' -> '\t';
			case 'u' -> readUnicodeEscape();
			default -> throw invalid("invalid escape '\\" + escaped + "'");
		};
	}

	private char readUnicodeEscape() {
		int code = 0;
		for (int i = 0; i < 4; i++) {
			int digit = Character.digit(next(), 16);
			if (digit < 0) {
				throw invalid("invalid unicode escape");
			}
			code = code * 16 + digit;
		}
		return (char) code;
	}

	private @Nullable Object readLiteral(String literal, @Nullable Object value) {
		if (!this.json.startsWith(literal, this.position)) {
			throw invalid("unexpected character");
		}
		this.position += literal.length();
		return value;
	}

	private Object readNumber() {
		int start = this.position;
		if (peek() == '-') {
			this.position++;
		}
		if (peek() == '0') {
			this.position++;
		}
		else {
			readDigits();
		}
		boolean integral = true;
		if (hasMore() && this.json.charAt(this.position) == '.') {
			this.position++;
			readDigits();
			integral = false;
		}
		if (hasMore() && (this.json.charAt(this.position) == 'e' || this.json.charAt(this.position) == 'E')) {
			this.position++;
			if (peek() == '+' || peek() == '-') {
				this.position++;
			}
			readDigits();
			integral = false;
		}
		String number = this.json.substring(start, this.position);
		if (integral) {
			try {
				return Long.parseLong(number);
			}
			catch (NumberFormatException ex) {
				// Too large for a long: fall through to BigDecimal
			}
		}
		return new BigDecimal(number);
	}

	private void readDigits() {
		if (!isDigit(peek())) {
			throw invalid("expected a digit");
		}
		while (hasMore() && isDigit(this.json.charAt(this.position))) {
			this.position++;
		}
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private void skipWhitespace() {
		while (hasMore()) {
			char c = this.json.charAt(this.position);
			if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
				return;
			}
			this.position++;
		}
	}

	private void expect(char expected) {
		if (next() != expected) {
			throw invalid("expected '" + expected + "'");
		}
	}

	private char peek() {
		if (!hasMore()) {
			throw invalid("unexpected end of input");
		}
		return this.json.charAt(this.position);
	}

	private char next() {
		char next = peek();
		this.position++;
		return next;
	}

	private boolean hasMore() {
		return this.position < this.json.length();
	}

	private IllegalArgumentException invalid(String reason) {
		return new IllegalArgumentException("Invalid JSON at position " + this.position + ": " + reason);
	}

}
