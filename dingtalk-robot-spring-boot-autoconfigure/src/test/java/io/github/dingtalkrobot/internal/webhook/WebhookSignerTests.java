package io.github.dingtalkrobot.internal.webhook;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signature vectors computed with DingTalk's Python reference code.
 */
class WebhookSignerTests {

	@ParameterizedTest(name = "timestamp {1}")
	@MethodSource("vectors")
	void signatureMatchesReferenceVector(String secret, String timestamp, String base64, String urlEncoded) {
		String sign = WebhookSigner.sign(Long.parseLong(timestamp), secret);
		assertThat(sign).isEqualTo(base64);
		assertThat(URLEncoder.encode(sign, StandardCharsets.UTF_8)).isEqualTo(urlEncoded);
	}

	static Stream<Arguments> vectors() throws Exception {
		try (InputStream json = new ClassPathResource("signatures.json").getInputStream()) {
			List<Map<String, String>> vectors = JsonPath.parse(json).read("$.vectors");
			return vectors.stream()
				.map((vector) -> Arguments.of(vector.get("secret"), vector.get("timestamp"), vector.get("base64"),
						vector.get("urlencoded")));
		}
	}

}
