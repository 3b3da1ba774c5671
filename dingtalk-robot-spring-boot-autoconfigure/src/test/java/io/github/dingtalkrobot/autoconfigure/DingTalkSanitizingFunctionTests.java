package io.github.dingtalkrobot.autoconfigure;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint.PropertySourceDescriptor;
import org.springframework.boot.actuate.env.EnvironmentEndpoint.PropertyValueDescriptor;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DingTalkSanitizingFunction}: the {@code configprops} and {@code env}
 * endpoints never show a robot's secrets, even with {@code show-values=always}.
 */
class DingTalkSanitizingFunctionTests {

	private static final String TOKEN = "tok-sanitized-7c3b1e";

	private static final String OTHER_TOKEN = "tok-sanitized-other-2d9f";

	private static final String SECRET = "SECsanitized5a6b7c8d";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkRobotAutoConfiguration.class,
				ConfigurationPropertiesReportEndpointAutoConfiguration.class,
				EnvironmentEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=configprops,env",
				"management.endpoint.configprops.show-values=always", "management.endpoint.env.show-values=always",
				"dingtalk.robots.ops.webhook=https://oapi.dingtalk.com/robot/send?access_token=" + TOKEN,
				"dingtalk.robots.ops.secret=" + SECRET, "dingtalk.robots.team.access-token=" + OTHER_TOKEN);

	@Test
	void configpropsShowsNoSecretButTheRestOfTheWebhook() {
		this.contextRunner.run((context) -> {
			String report = context.getBean(ConfigurationPropertiesReportEndpoint.class)
				.configurationProperties()
				.getContexts()
				.values()
				.stream()
				.flatMap((descriptor) -> descriptor.getBeans().values().stream())
				.map((bean) -> String.valueOf(bean.getProperties()))
				.filter((properties) -> properties.contains("robots"))
				.findFirst()
				.orElseThrow();
			assertThat(report).doesNotContain(TOKEN, OTHER_TOKEN, SECRET)
				.contains("https://oapi.dingtalk.com/robot/send?access_token=******");
		});
	}

	@Test
	void envShowsNoSecretButTheRestOfTheWebhook() {
		this.contextRunner.run((context) -> {
			Map<String, String> values = new HashMap<>();
			for (PropertySourceDescriptor source : context.getBean(EnvironmentEndpoint.class)
				.environment(null)
				.getPropertySources()) {
				for (Map.Entry<String, PropertyValueDescriptor> entry : source.getProperties().entrySet()) {
					values.put(entry.getKey(), String.valueOf(entry.getValue().getValue()));
				}
			}
			assertThat(values).containsEntry("dingtalk.robots.ops.webhook",
					"https://oapi.dingtalk.com/robot/send?access_token=******");
			assertThat(values).containsEntry("management.endpoint.env.show-values", "always");
			assertThat(values.toString()).doesNotContain(TOKEN, OTHER_TOKEN, SECRET);
		});
	}

	@Test
	void withoutTheActuatorNoFunctionIsContributed() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DingTalkRobotAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.run((context) -> assertThat(context).doesNotHaveBean(DingTalkSanitizingFunction.class));
	}

}
