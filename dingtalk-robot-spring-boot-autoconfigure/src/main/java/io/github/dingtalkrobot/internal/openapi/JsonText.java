package io.github.dingtalkrobot.internal.openapi;

import java.util.Map;

/**
 * Writes the flat JSON objects of {@code msgParam}. Written by hand, so that the same
 * bytes come out on Jackson 2 and Jackson 3.
 */
final class JsonText {

	private JsonText() {
	}

	/**
	 * Return a JSON object of string members, in the map's order.
	 * @param members the members
	 * @return the JSON text
	 */
	static String object(Map<String, String> members) {
		StringBuilder json = new StringBuilder("{");
		members.forEach((name, value) -> {
			if (json.length() > 1) {
				json.append(',');
			}
			string(json, name).append(':');
			string(json, value);
		});
		return json.append('}').toString();
	}

	private static StringBuilder string(StringBuilder json, String text) {
		json.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"');
	}

}
