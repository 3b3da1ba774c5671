package io.github.dingtalkrobot.autoconfigure.actuate.health;

import io.github.dingtalkrobot.DingTalkRobots;
import io.github.dingtalkrobot.autoconfigure.DingTalkRobotAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@link DingTalkHealthContributorAutoConfiguration} backs off without Spring
 * Boot 4's health module, as on Spring Boot 3.5, where this class runs too, and says once
 * that enabling it has no effect there.
 */
@ExtendWith(OutputCaptureExtension.class)
class DingTalkHealthContributorBackOffTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkRobotAutoConfiguration.class,
				DingTalkHealthContributorAutoConfiguration.class))
		.withPropertyValues("dingtalk.robots.alerts.webhook=http://127.0.0.1:9/robot/send?access_token=unused",
				"management.health.dingtalk.enabled=true")
		.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"));

	@Test
	void healthBacksOffWithoutBootsHealthModuleAndSaysSoOnce(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(DingTalkRobots.class);
			assertThat(context).doesNotHaveBean("dingtalkHealthContributor");
		});
		assertThat(output.toString().split("management.health.dingtalk.enabled=true has no effect", -1)).hasSize(2);
		assertThat(output).contains("needs Spring Boot 4's health module");
	}

	@Test
	void healthThatIsNotEnabledSaysNothing(CapturedOutput output) {
		this.contextRunner.withPropertyValues("management.health.dingtalk.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("dingtalkHealthContributor"));
		assertThat(output).doesNotContain("management.health.dingtalk.enabled");
	}

}
