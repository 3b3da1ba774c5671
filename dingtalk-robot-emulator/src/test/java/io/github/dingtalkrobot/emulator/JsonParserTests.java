package io.github.dingtalkrobot.emulator;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link JsonParser}.
 */
class JsonParserTests {

	@Test
	void objectKeepsItsKeyOrderAndNestedValues() {
		Object parsed = JsonParser.parse(" {\"b\": [1, -2.5, true, false, null], \"a\": {\"x\": \"y\"}, \"c\": 1e3 } ");
		assertThat(parsed).isInstanceOf(Map.class);
		Map<?, ?> object = (Map<?, ?>) parsed;
		assertThat(object.keySet()).asInstanceOf(InstanceOfAssertFactories.COLLECTION).containsExactly("b", "a", "c");
		assertThat(object.get("b")).isEqualTo(Arrays.asList(1L, new BigDecimal("-2.5"), true, false, null));
		assertThat(object.get("a")).isEqualTo(Map.of("x", "y"));
		assertThat(object.get("c")).isEqualTo(new BigDecimal("1e3"));
	}

	@Test
	void escapesAreDecoded() {
		assertThat(JsonParser.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u544a\\u8b66\"")).isEqualTo("\"\\/\b\f\n\r\t告警");
	}

	@Test
	void integerTooLargeForALongIsABigDecimal() {
		assertThat(JsonParser.parse("12345678901234567890")).isEqualTo(new BigDecimal("12345678901234567890"));
	}

	@Test
	void emptyContainersAreParsed() {
		assertThat(JsonParser.parse("{}")).isEqualTo(Map.of());
		assertThat(JsonParser.parse("[]")).isEqualTo(List.of());
	}

	@Test
	void lastDuplicateKeyWins() {
		assertThat(JsonParser.parse("{\"a\":1,\"a\":2}")).isEqualTo(Map.of("a", 2L));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "{", "}", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "[1,]", "[1 2]", "{a:1}",
			"{'a':1}", "01", "1.", ".5", "-", "1e", "+1", "tru", "nul", "\"unterminated", "\"bad \\x escape\"",
			"\"bad \\u12 escape\"", "\"tab\tinside\"", "{} {}", "/* comment */ {}", "NaN",
			"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
					+ "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]" })
	void invalidJsonIsRefused(String json) {
		assertThatIllegalArgumentException().isThrownBy(() -> JsonParser.parse(json))
			.withMessageStartingWith("Invalid JSON");
	}

}
