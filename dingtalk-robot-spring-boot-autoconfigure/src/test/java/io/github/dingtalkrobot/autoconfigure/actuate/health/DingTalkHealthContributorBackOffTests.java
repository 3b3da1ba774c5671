package io.github.dingtalkrobot.autoconfigure.actuate.health;

import io.github.dingtalkrobot.DingTalkRobots;
import io.github.dingtalkrobot.autoconfigure.DingTalkRobotAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@link DingTalkHealthContributorAutoConfiguration} backs off without Spring
 * Boot 4's health module, as on Spring Boot 3.5, where this class runs too.
 */
class DingTalkHealthContributorBackOffTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkRobotAutoConfiguration.class,
				DingTalkHealthContributorAutoConfiguration.class))
		.withPropertyValues("dingtalk.robots.alerts.webhook=http://127.0.0.1:9/robot/send?access_token=unused",
				"management.health.dingtalk.enabled=true")
		.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"));

	@Test
	void healthBacksOffWithoutBootsHealthModule() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(DingTalkRobots.class);
			assertThat(context).doesNotHaveBean("dingtalkHealthContributor");
		});
	}

}
