package io.github.dingtalkrobot.autoconfigure;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.github.dingtalkrobot.DeliverySettings;
import io.github.dingtalkrobot.RateLimit;
import io.github.dingtalkrobot.RetrySettings;
import io.github.dingtalkrobot.internal.webhook.RobotWebhook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the configuration metadata that IDEs use to complete and describe the
 * {@code dingtalk.*} properties.
 */
class ConfigurationMetadataTests {

	private static final Set<String> OWN_SETTINGS = Set.of("webhook", "accessToken", "app", "secret", "keywords",
			"primary");

	@Test
	void everyPropertyHasADescription() throws IOException {
		DocumentContext metadata = metadata();
		List<Map<String, Object>> properties = metadata.read("$.properties");
		assertThat(properties).extracting((property) -> property.get("name"))
			.contains("dingtalk.base-url", "dingtalk.shutdown-timeout", "dingtalk.robots", "dingtalk.defaults.proxy",
					"dingtalk.defaults.delivery.retry.max-attempts");
		assertThat(properties).allSatisfy(
				(property) -> assertThat(property.get("description")).as("description of %s", property.get("name"))
					.asString()
					.isNotBlank()
					.doesNotStartWith("The ")
					.endsWith("."));
	}

	@Test
	void everySettingARobotInheritsIsDescribedUnderDefaults() throws IOException {
		List<String> names = metadata().read("$.properties[*].name");
		List<String> inherited = Arrays.stream(BeanUtils.getPropertyDescriptors(DingTalkRobotProperties.Robot.class))
			.map(PropertyDescriptor::getName)
			.filter((name) -> !name.equals("class") && !OWN_SETTINGS.contains(name))
			.toList();
		assertThat(inherited).contains("enabled", "connectTimeout", "readTimeout", "proxy", "rateLimit", "delivery");
		assertThat(inherited).allSatisfy((property) -> assertThat(names)
			.anyMatch((name) -> name.startsWith("dingtalk.defaults." + kebab(property))));
	}

	@Test
	void defaultsInTheMetadataAreThoseOfTheSettingsRecords() throws IOException {
		Map<String, Object> expected = new LinkedHashMap<>();
		RateLimit rateLimit = RateLimit.defaults();
		DeliverySettings delivery = DeliverySettings.defaults();
		RetrySettings retry = delivery.retry();
		expected.put("dingtalk.base-url", RobotWebhook.DEFAULT_BASE_URL);
		expected.put("dingtalk.shutdown-timeout", delivery.shutdownTimeout());
		expected.put("dingtalk.defaults.enabled", true);
		expected.put("dingtalk.defaults.rate-limit.messages", rateLimit.messages());
		expected.put("dingtalk.defaults.rate-limit.window", rateLimit.window());
		expected.put("dingtalk.defaults.rate-limit.max-wait", rateLimit.maxWait());
		expected.put("dingtalk.defaults.delivery.queue-capacity", delivery.queueCapacity());
		expected.put("dingtalk.defaults.delivery.coalesce", delivery.coalesce());
		expected.put("dingtalk.defaults.delivery.throttle-pause", delivery.throttlePause());
		expected.put("dingtalk.defaults.delivery.retry.max-attempts", retry.maxAttempts());
		expected.put("dingtalk.defaults.delivery.retry.initial-backoff", retry.initialBackoff());
		expected.put("dingtalk.defaults.delivery.retry.max-backoff", retry.maxBackoff());
		expected.put("dingtalk.defaults.delivery.retry.multiplier", retry.multiplier());
		expected.put("dingtalk.defaults.delivery.retry.after-read-timeout", retry.afterReadTimeout());
		DocumentContext metadata = metadata();
		expected.forEach((name, value) -> {
			List<Object> defaults = metadata.read("$.properties[?(@.name == '" + name + "')].defaultValue");
			assertThat(defaults).as(name).hasSize(1);
			Object actual = defaults.get(0);
			if (value instanceof Duration) {
				actual = DurationStyle.detectAndParse(String.valueOf(actual));
			}
			else if (value instanceof Number number) {
				assertThat(((Number) actual).doubleValue()).as(name).isEqualTo(number.doubleValue());
				return;
			}
			assertThat(actual).as(name).isEqualTo(value);
		});
	}

	@Test
	void robotNamesHaveAHint() throws IOException {
		List<String> hints = metadata().read("$.hints[*].name");
		assertThat(hints).contains("dingtalk.robots.keys");
	}

	private static String kebab(String camelCase) {
		return camelCase.replaceAll("([A-Z])", "-$1").toLowerCase();
	}

	private DocumentContext metadata() throws IOException {
		try (InputStream input = new ClassPathResource("META-INF/spring-configuration-metadata.json")
			.getInputStream()) {
			return JsonPath.parse(new String(input.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

}
