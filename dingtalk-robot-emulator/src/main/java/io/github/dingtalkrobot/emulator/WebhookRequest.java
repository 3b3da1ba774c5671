package io.github.dingtalkrobot.emulator;

import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * One {@code POST /robot/send} as the emulator's HTTP layer hands it over.
 *
 * @param contentType the {@code Content-Type} header, if any
 * @param headers the headers by case-insensitive name, repeated values joined by commas
 * @param queryParameters the query parameters, each decoded once
 * @param body the raw request body
 * @param remoteAddress the address the request came from
 */
record WebhookRequest(@Nullable String contentType, Map<String, String> headers, Map<String, String> queryParameters,
		byte[] body, InetAddress remoteAddress) {

	/**
	 * Create a request, decoding the query the way a servlet container does: once, with
	 * {@code +} meaning a space. That is what makes an unencoded signature fail, as it
	 * does against DingTalk.
	 * @param headers the headers by name, each with its values
	 * @param rawQuery the raw (still encoded) query string, if any
	 * @param body the raw request body
	 * @param remoteAddress the address the request came from
	 * @return the request
	 */
	static WebhookRequest of(Map<String, List<String>> headers, @Nullable String rawQuery, byte[] body,
			InetAddress remoteAddress) {
		Map<String, String> joined = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.forEach((name, values) -> joined.put(name, String.join(",", values)));
		return new WebhookRequest(joined.get("Content-Type"), Collections.unmodifiableMap(joined),
				decodeQuery(rawQuery), body, remoteAddress);
	}

	static Map<String, String> decodeQuery(@Nullable String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return Map.of();
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		for (String pair : rawQuery.split("&")) {
			int separator = pair.indexOf('=');
			String name = (separator >= 0) ? pair.substring(0, separator) : pair;
			String value = (separator >= 0) ? pair.substring(separator + 1) : "";
			try {
				parameters.putIfAbsent(decode(name), decode(value));
			}
			catch (IllegalArgumentException ex) {
				// A malformed escape makes the parameter absent, which answers like a
				// missing one
			}
		}
		return Collections.unmodifiableMap(parameters);
	}

	private static String decode(String encoded) {
		return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
	}

	@Nullable String queryParameter(String name) {
		return this.queryParameters.get(name);
	}

}
