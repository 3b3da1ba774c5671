package io.github.dingtalkrobot.internal.webhook;

/**
 * Counts the bytes a string takes in a JSON body, so that a message can be kept under
 * DingTalk's limit of 20,000 bytes before it is serialized. Internal: public only so that
 * the delivery and the appender can use it.
 *
 * @since 0.1.0
 */
public final class JsonBytes {

	private JsonBytes() {
	}

	/**
	 * Return the length of a string in a JSON body as Jackson writes it by default:
	 * UTF-8, with quotes, backslashes and control characters escaped.
	 * @param text the string
	 * @return its length in bytes, without the enclosing quotes
	 */
	public static int of(String text) {
		int bytes = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') {
				bytes += 2;
			}
			else if (c < 0x20) {
				bytes += 6;
			}
			else if (c < 0x80) {
				bytes += 1;
			}
			else if (c < 0x800 || Character.isSurrogate(c)) {
				// A surrogate pair is 4 bytes, 2 for each half
				bytes += 2;
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
	}

}
