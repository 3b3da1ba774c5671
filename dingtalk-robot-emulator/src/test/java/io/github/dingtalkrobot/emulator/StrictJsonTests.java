package io.github.dingtalkrobot.emulator;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link StrictJson}.
 */
class StrictJsonTests {

	@Test
	void objectKeepsItsKeyOrderAndNestedValues() {
		Object parsed = StrictJson.parse(" {\"b\": [1, -2.5, true, false, null], \"a\": {\"x\": \"y\"}, \"c\": 1e3 } ");
		assertThat(parsed).isInstanceOf(Map.class);
		Map<?, ?> object = (Map<?, ?>) parsed;
		assertThat(object.keySet()).asInstanceOf(InstanceOfAssertFactories.COLLECTION).containsExactly("b", "a", "c");
		assertThat(object.get("b")).isEqualTo(Arrays.asList(1, new BigDecimal("-2.5"), true, false, null));
		assertThat(object.get("a")).isEqualTo(Map.of("x", "y"));
		assertThat(object.get("c")).isEqualTo(new BigDecimal("1e3"));
	}

	@Test
	void parsedValuesCannotBeModified() {
		Map<?, ?> object = (Map<?, ?>) StrictJson.parse("{\"a\":{\"b\":[1]}}");
		Map<?, ?> nested = (Map<?, ?>) object.get("a");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(object::clear);
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(nested::clear);
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(((List<?>) nested.get("b"))::clear);
	}

	@Test
	void escapesAreDecoded() {
		assertThat(StrictJson.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u544a\\u8b66\"")).isEqualTo("\"\\/\b\f\n\r\t告警");
	}

	@Test
	void integerTooLargeForALongIsABigInteger() {
		assertThat(StrictJson.parse("12345678901234567890")).isEqualTo(new BigInteger("12345678901234567890"));
	}

	@Test
	void emptyContainersAreParsed() {
		assertThat(StrictJson.parse("{}")).isEqualTo(Map.of());
		assertThat(StrictJson.parse("[]")).isEqualTo(List.of());
	}

	@Test
	void nestingOf64IsAccepted() {
		assertThat(StrictJson.parse("[".repeat(64) + "]".repeat(64))).isInstanceOf(List.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "{", "}", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "[1,]", "[1 2]", "{a:1}",
			"{'a':1}", "01", "1.", ".5", "-", "1e", "+1", "tru", "nul", "\"unterminated", "\"bad \\x escape\"",
			"\"bad \\u12 escape\"", "\"tab\tinside\"", "{} {}", "{} x", "/* comment */ {}", "// comment\n{}", "NaN",
			"{\"a\":1,\"a\":2}", "{\"a\":{\"b\":1,\"b\":1}}", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
					+ "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]" })
	void invalidJsonIsRefused(String json) {
		assertThatIllegalArgumentException().isThrownBy(() -> StrictJson.parse(json))
			.withMessageStartingWith("Invalid JSON");
	}

	@Test
	void refusalDoesNotQuoteTheBody() {
		assertThatIllegalArgumentException().isThrownBy(() -> StrictJson.parse("{\"content\":\"secret-ish\" x}"))
			.withMessageNotContaining("secret-ish");
	}

}
