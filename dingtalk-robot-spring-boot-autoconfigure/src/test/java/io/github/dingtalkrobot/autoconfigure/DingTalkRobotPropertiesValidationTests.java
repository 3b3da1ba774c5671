package io.github.dingtalkrobot.autoconfigure;

import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the startup validation of {@link DingTalkRobotProperties}.
 */
@ExtendWith(OutputCaptureExtension.class)
class DingTalkRobotPropertiesValidationTests {

	private static final String TOKEN = "tok-7d2f9c";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkRobotAutoConfiguration.class));

	@Test
	void robotWithoutWebhookOrAccessTokenFailsStartup() {
		this.contextRunner.withPropertyValues("dingtalk.robots.ops.secret=SECabc")
			.run(failsNaming("dingtalk.robots.ops.webhook", "are both missing"));
	}

	@Test
	void robotWithWebhookAndAccessTokenFailsStartup() {
		this.contextRunner
			.withPropertyValues(
					"dingtalk.robots.ops.webhook=https://oapi.dingtalk.com/robot/send?access_token=" + TOKEN,
					"dingtalk.robots.ops.access-token=" + TOKEN)
			.run(failsNaming("dingtalk.robots.ops.webhook", "are both set"));
	}

	@Test
	void robotWithWebhookThatIsNotHttpFailsStartup() {
		this.contextRunner
			.withPropertyValues("dingtalk.robots.ops.webhook=ftp://example.com/send?access_token=" + TOKEN)
			.run(failsNaming("dingtalk.robots.ops.webhook", "is invalid: 'webhook' must be an http or https URL"));
	}

	@Test
	void robotWithWebhookWithoutAccessTokenFailsStartup() {
		this.contextRunner
			.withPropertyValues("dingtalk.robots.ops.webhook=https://oapi.dingtalk.com/robot/send?token=x")
			.run(failsNaming("dingtalk.robots.ops.webhook",
					"'webhook' must have exactly one access_token query parameter"));
	}

	@Test
	void robotWithInvalidNameFailsStartup() {
		this.contextRunner.withPropertyValues("dingtalk.robots[Ops_Alerts].access-token=" + TOKEN)
			.run(failsNaming("dingtalk.robots", "'Ops_Alerts', which is not a valid robot name"));
	}

	@Test
	void robotWithWebhookWithoutHostFailsStartup() {
		this.contextRunner.withPropertyValues("dingtalk.robots.ops.webhook=https:///robot/send?access_token=" + TOKEN)
			.run(failsNaming("dingtalk.robots.ops.webhook", "must be an http or https URL with a host"));
	}

	@Test
	void robotWithNameThatIsNotLowerCaseFailsStartupNamingTheRobotsProperty() {
		this.contextRunner.withPropertyValues("dingtalk.robots[Ops Alerts!].access-token=" + TOKEN)
			.run(failsNaming("dingtalk.robots", "'Ops Alerts!', which is not a valid robot name"));
	}

	@Test
	void invalidDefaultFailsStartupNamingTheDefaultsProperty() {
		this.contextRunner
			.withPropertyValues("dingtalk.robots.ops.access-token=" + TOKEN,
					"dingtalk.defaults.delivery.retry.initial-backoff=1m")
			.run(failsNaming("dingtalk.defaults.delivery.retry.initial-backoff",
					"'maxBackoff' must not be shorter than 'initialBackoff'"));
	}

	@Test
	void robotsOwnValidSettingOverridesAnInvalidDefault() {
		this.contextRunner
			.withPropertyValues("dingtalk.robots.ops.access-token=" + TOKEN, "dingtalk.defaults.rate-limit.messages=0",
					"dingtalk.robots.ops.rate-limit.messages=5")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void twoRobotsWithOneAccessTokenFailStartupBeforeSendingAnything() {
		try (DingTalkEmulator emulator = DingTalkEmulator.builder().build().start()) {
			emulator.registerRobot("ops", TOKEN);
			this.contextRunner
				.withPropertyValues("dingtalk.robots.ops.webhook=" + emulator.webhook(TOKEN),
						"dingtalk.robots.alerts.access-token=" + TOKEN, "dingtalk.base-url=" + emulator.baseUrl())
				.run(failsNaming("dingtalk.robots.alerts.access-token", "has the same access token as robot 'ops'"));
			assertThat(emulator.requests()).isEmpty();
			assertThat(emulator.rateViolations()).isZero();
		}
	}

	@Test
	void twoPrimaryRobotsFailStartup() {
		this.contextRunner
			.withPropertyValues("dingtalk.robots.ops.access-token=" + TOKEN, "dingtalk.robots.ops.primary=true",
					"dingtalk.robots.team.access-token=" + TOKEN, "dingtalk.robots.team.primary=true")
			.run(failsNaming("dingtalk.robots.team.primary", "robots [ops, team] are all marked primary"));
	}

	@Test
	void robotWithNonPositiveTimeoutFailsStartup() {
		this.contextRunner
			.withPropertyValues("dingtalk.robots.ops.access-token=" + TOKEN, "dingtalk.robots.ops.read-timeout=0s")
			.run(failsNaming("dingtalk.robots.ops.read-timeout", "'readTimeout' must be positive"));
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			textBlock = """
					rate-limit.messages            | 0     | 'messages' must be positive
					rate-limit.window              | 0s    | 'window' must be a positive duration
					rate-limit.max-wait            | -1s   | 'maxWait' must not be null or negative
					delivery.queue-capacity        | 0     | 'queueCapacity' must be positive
					delivery.throttle-pause        | 0s    | 'throttlePause' must be a positive duration
					delivery.retry.max-attempts    | 0     | 'maxAttempts' must be positive
					delivery.retry.initial-backoff | 0ms   | 'initialBackoff' must be a positive duration
					delivery.retry.max-backoff     | 100ms | 'maxBackoff' must not be shorter than 'initialBackoff'
					delivery.retry.multiplier      | 0.5   | 'multiplier' must be at least 1
					proxy                          | https://proxy:3128 | 'proxy' must be an HTTP proxy given as 'http://host:port'
					""")
	void robotWithInvalidDeliverySettingFailsStartup(String property, String value, String problem) {
		this.contextRunner
			.withPropertyValues("dingtalk.robots.ops.access-token=" + TOKEN,
					"dingtalk.robots.ops." + property + "=" + value)
			.run(failsNaming("dingtalk.robots.ops." + property, problem));
	}

	@Test
	void negativeShutdownTimeoutFailsStartup() {
		this.contextRunner
			.withPropertyValues("dingtalk.robots.ops.access-token=" + TOKEN, "dingtalk.shutdown-timeout=-1s")
			.run(failsNaming("dingtalk.shutdown-timeout", "'shutdownTimeout' must not be null or negative"));
	}

	@Test
	void zeroWaitsAreValid() {
		this.contextRunner
			.withPropertyValues("dingtalk.robots.ops.access-token=" + TOKEN, "dingtalk.shutdown-timeout=0s",
					"dingtalk.robots.ops.rate-limit.max-wait=0s")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void baseUrlThatIsNotHttpFailsStartup() {
		this.contextRunner
			.withPropertyValues("dingtalk.base-url=oapi.dingtalk.com", "dingtalk.robots.ops.access-token=" + TOKEN)
			.run(failsNaming("dingtalk.base-url", "'baseUrl' must be an http or https URL"));
	}

	@Test
	void secretThatDoesNotStartWithSecLogsWarningWithoutTheSecret(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("dingtalk.robots.ops.access-token=" + TOKEN,
					"dingtalk.robots.ops.secret=not-a-sec-secret")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("Property 'dingtalk.robots.ops.secret' does not start with 'SEC'")
					.doesNotContain("not-a-sec-secret");
			});
	}

	private ContextConsumer<AssertableApplicationContext> failsNaming(String property, String problem) {
		return (context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidDingTalkRobotPropertiesException.class)
				.hasMessageContaining("'" + property + "'")
				.hasMessageContaining(problem)
				.hasMessageNotContaining(TOKEN);
			InvalidDingTalkRobotPropertiesException cause = (InvalidDingTalkRobotPropertiesException) rootCause(
					context.getStartupFailure());
			assertThat(cause.getProperty()).isEqualTo(property);
			FailureAnalysis analysis = new InvalidDingTalkRobotPropertiesFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains(property).doesNotContain(TOKEN);
			assertThat(analysis.getAction()).isNotBlank().doesNotContain(TOKEN);
		};
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable candidate = failure;
		while (candidate.getCause() != null) {
			candidate = candidate.getCause();
		}
		return candidate;
	}

}
