package io.github.dingtalkrobot.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.jspecify.annotations.Nullable;

/**
 * Reads a request body as strict RFC 8259 JSON, so that the emulator refuses malformed
 * bodies the way DingTalk does: no comments, single quotes, trailing commas or content
 * after the value, no duplicate keys and no nesting deeper than 64.
 * <p>
 * It uses Jackson 2 ({@code com.fasterxml.jackson.core:jackson-databind}) because the
 * emulator serves tests on both Spring Boot lines: Boot 3.5 and Boot 4 both manage its
 * version, and on Boot 4 it lives beside Jackson 3 without a clash because Jackson 3's
 * packages are {@code tools.jackson}. Objects become unmodifiable maps in document order,
 * arrays unmodifiable lists, integral numbers the smallest of {@link Integer},
 * {@link Long} and {@link java.math.BigInteger} that holds them, and other numbers
 * {@link java.math.BigDecimal}.
 */
final class StrictJson {

	private static final int MAX_DEPTH = 64;

	private static final ObjectMapper mapper = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
			.build())
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private StrictJson() {
	}

	/**
	 * Parse one JSON text.
	 * @param json the text
	 * @return the value it holds
	 * @throws IllegalArgumentException if the text is not valid JSON
	 */
	static @Nullable Object parse(String json) {
		try {
			return unmodifiable(mapper.readValue(json, Object.class));
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Invalid JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	private static @Nullable Object unmodifiable(@Nullable Object value) {
		if (value instanceof Map<?, ?> object) {
			Map<Object, @Nullable Object> copy = new LinkedHashMap<>();
			object.forEach((key, member) -> copy.put(key, unmodifiable(member)));
			return Collections.unmodifiableMap(copy);
		}
		if (value instanceof List<?> array) {
			return array.stream().map(StrictJson::unmodifiable).toList();
		}
		return value;
	}

}
