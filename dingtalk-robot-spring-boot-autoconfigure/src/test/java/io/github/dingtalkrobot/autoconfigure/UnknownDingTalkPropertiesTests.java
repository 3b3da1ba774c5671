package io.github.dingtalkrobot.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the startup report of unknown {@code dingtalk.*} properties.
 */
class UnknownDingTalkPropertiesTests {

	private static final String TOKEN = "tok-unknown-4b8e2a";

	private static final String SECRET = "SECunknown0f1e2d3c";

	private static final String WEBHOOK = "https://oapi.dingtalk.com/robot/send?access_token=" + TOKEN;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkRobotAutoConfiguration.class));

	@Test
	void misspelledPropertyFailsStartupSuggestingTheKnownOne() {
		this.contextRunner
			.withPropertyValues("dingtalk.robots.ops.webhook=" + WEBHOOK, "dingtalk.robots.ops.secert=" + SECRET)
			.run(reports("dingtalk.robots.ops.secert", "dingtalk.robots.ops.secret"));
	}

	@Test
	void robotWhoseOnlyPropertyIsMisspelledGetsTheSameReport() {
		this.contextRunner.withPropertyValues("dingtalk.robots.team.acess-token=" + TOKEN)
			.run(reports("dingtalk.robots.team.acess-token", "dingtalk.robots.team.access-token"));
	}

	@Test
	void misspelledDefaultIsReported() {
		this.contextRunner
			.withPropertyValues("dingtalk.robots.ops.webhook=" + WEBHOOK, "dingtalk.defaults.rate-limit.mesages=5")
			.run(reports("dingtalk.defaults.rate-limit.mesages", "dingtalk.defaults.rate-limit.messages"));
	}

	@Test
	void misspelledTopLevelPropertyIsReported() {
		this.contextRunner.withPropertyValues("dingtalk.base-uri=http://localhost/robot/send")
			.run(reports("dingtalk.base-uri", "dingtalk.base-url"));
	}

	@Test
	void misspelledEnvironmentVariableOfARobotIsReported() {
		this.contextRunner.withPropertyValues("dingtalk.robots.ops.webhook=" + WEBHOOK)
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addLast(new SystemEnvironmentPropertySource("systemEnvironment",
						Map.of("DINGTALK_ROBOTS_OPS_SECERT", SECRET))))
			.run(reports("dingtalk.robots.ops.secert", "dingtalk.robots.ops.secret"));
	}

	@Test
	void knownPropertiesInEveryRelaxedFormStartFine() {
		this.contextRunner
			.withPropertyValues("dingtalk.robots.ops.webhook=" + WEBHOOK,
					"dingtalk.robots.team.accessToken=" + TOKEN + "-team", "dingtalk.robots.team.SECRET=" + SECRET,
					"dingtalk.robots[team].keywords[0]=告警", "dingtalk.robots.team.rate-limit.maxWait=1s",
					"dingtalk.defaults.delivery.retry.max_attempts=2", "dingtalk.defaults.proxy=http://127.0.0.1:3128",
					"dingtalk.shutdown-timeout=1s", "management.health.dingtalk.enabled=false")
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addLast(new SystemEnvironmentPropertySource("systemEnvironment",
						Map.of("DINGTALK_ROBOTS_OPS_SECRET", SECRET, "DINGTALK_DEFAULTS_READTIMEOUT", "5s",
								"DINGTALK_OPS_TOKEN", TOKEN))))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private ContextConsumer<AssertableApplicationContext> reports(String property, String suggestion) {
		return (context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new InvalidDingTalkRobotPropertiesFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("'" + property + "' is not a DingTalk property")
				.doesNotContain(TOKEN, SECRET);
			assertThat(analysis.getAction()).contains("Did you mean '" + suggestion + "'?")
				.doesNotContain(TOKEN, SECRET);
		};
	}

}
