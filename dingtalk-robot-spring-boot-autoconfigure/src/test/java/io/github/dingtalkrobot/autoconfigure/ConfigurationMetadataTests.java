package io.github.dingtalkrobot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the configuration metadata that IDEs use to complete and describe the
 * {@code dingtalk.*} properties.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyHasADescription() throws IOException {
		DocumentContext metadata = metadata();
		List<Map<String, Object>> properties = metadata.read("$.properties");
		assertThat(properties).extracting((property) -> property.get("name"))
			.contains("dingtalk.base-url", "dingtalk.shutdown-timeout", "dingtalk.robots");
		assertThat(properties).allSatisfy(
				(property) -> assertThat(property.get("description")).as("description of %s", property.get("name"))
					.asString()
					.isNotBlank()
					.doesNotStartWith("The ")
					.endsWith("."));
	}

	@Test
	void robotsAreAMapOfDocumentedRobotProperties() throws IOException {
		List<String> types = metadata().read("$.properties[?(@.name == 'dingtalk.robots')].type");
		assertThat(types).containsExactly(
				"java.util.Map<java.lang.String,io.github.dingtalkrobot.autoconfigure.DingTalkRobotProperties$Robot>");
		List<String> robotProperties = Arrays.stream(DingTalkRobotProperties.Robot.class.getDeclaredFields())
			.filter((field) -> !Modifier.isStatic(field.getModifiers()))
			.map(Field::getName)
			.toList();
		assertThat(robotProperties).contains("webhook", "accessToken", "secret", "keywords", "primary", "enabled",
				"connectTimeout", "readTimeout", "rateLimit", "delivery");
	}

	@Test
	void robotNamesHaveAHint() throws IOException {
		List<String> hints = metadata().read("$.hints[*].name");
		assertThat(hints).contains("dingtalk.robots.keys");
	}

	private DocumentContext metadata() throws IOException {
		try (InputStream input = new ClassPathResource("META-INF/spring-configuration-metadata.json")
			.getInputStream()) {
			return JsonPath.parse(new String(input.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

}
