package io.github.dingtalkrobot.autoconfigure;

import java.util.List;

import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DingTalkRobots;
import io.github.dingtalkrobot.NoSuchDingTalkRobotException;
import org.junit.jupiter.api.Test;

import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link DingTalkRobotAutoConfiguration}.
 */
class DingTalkRobotAutoConfigurationTests {

	private static final String OPS_TOKEN = "tok-ops-51a3";

	private static final String TEAM_TOKEN = "tok-team-8e0c";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkRobotAutoConfiguration.class));

	@Test
	void noRobotsGiveAnEmptyRegistry() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(DingTalkRobots.class).doesNotHaveBean(DingTalkRobot.class);
			assertThat(context.getBean(DingTalkRobots.class).names()).isEmpty();
		});
	}

	@Test
	void eachRobotIsANamedBeanInTheRegistry() {
		this.contextRunner.withPropertyValues(twoRobots()).run((context) -> {
			DingTalkRobots robots = context.getBean(DingTalkRobots.class);
			assertThat(robots.names()).containsExactly("ops", "team");
			assertThat(context.getBean("dingTalkRobot.ops")).isSameAs(robots.get("ops"));
			assertThat(context.getBean("dingTalkRobot.team")).isSameAs(robots.get("team"));
			assertThat(robots.get("team").name()).isEqualTo("team");
		});
	}

	@Test
	void registryNamesTheKnownRobotsWhenAskedForAnUnknownOne() {
		this.contextRunner.withPropertyValues(twoRobots())
			.run((context) -> assertThatExceptionOfType(NoSuchDingTalkRobotException.class)
				.isThrownBy(() -> context.getBean(DingTalkRobots.class).get("alerts"))
				.withMessageContaining("alerts")
				.withMessageContaining("ops")
				.withMessageContaining("team"));
	}

	@Test
	void robotIsInjectedByQualifier() {
		this.contextRunner.withPropertyValues(twoRobots())
			.withUserConfiguration(QualifiedInjectionConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(QualifiedInjection.class).robot.name()).isEqualTo("team");
			});
	}

	@Test
	void onlyRobotIsInjectedWithoutQualifier() {
		this.contextRunner.withPropertyValues("dingtalk.robots.ops.access-token=" + OPS_TOKEN)
			.withUserConfiguration(UnqualifiedInjectionConfiguration.class)
			.run((context) -> assertThat(context.getBean(UnqualifiedInjection.class).robot.name()).isEqualTo("ops"));
	}

	@Test
	void primaryRobotIsInjectedWithoutQualifier() {
		this.contextRunner.withPropertyValues(twoRobots())
			.withPropertyValues("dingtalk.robots.team.primary=true")
			.withUserConfiguration(UnqualifiedInjectionConfiguration.class)
			.run((context) -> assertThat(context.getBean(UnqualifiedInjection.class).robot.name()).isEqualTo("team"));
	}

	@Test
	void severalRobotsWithoutPrimaryFailUnqualifiedInjectionNamingTheRobots() {
		this.contextRunner.withPropertyValues(twoRobots())
			.withUserConfiguration(UnqualifiedInjectionConfiguration.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analyzeInjectionFailure(context, twoRobots());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("required a single DingTalkRobot")
					.contains("2 robots are configured: [ops, team]");
				assertThat(analysis.getAction()).contains("@Qualifier").contains("primary=true");
			});
	}

	@Test
	void unqualifiedInjectionWithoutRobotsFailsExplainingHowToConfigureOne() {
		this.contextRunner.withUserConfiguration(UnqualifiedInjectionConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyzeInjectionFailure(context);
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("no robot is configured");
			assertThat(analysis.getAction()).contains("dingtalk.robots.<name>");
		});
	}

	@Test
	void userDefinedRobotBeanOfTheSameNameWins() {
		this.contextRunner.withPropertyValues(twoRobots())
			.withUserConfiguration(UserRobotConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				DingTalkRobot ops = context.getBean("dingTalkRobot.ops", DingTalkRobot.class);
				assertThat(ops).isSameAs(context.getBean(UserRobotConfiguration.class).robot);
				assertThat(context.getBean("dingTalkRobot.team", DingTalkRobot.class))
					.isSameAs(context.getBean(DingTalkRobots.class).get("team"));
			});
	}

	@Test
	void userDefinedRegistryBacksTheRobotBeans() {
		this.contextRunner.withPropertyValues("dingtalk.robots.ops.access-token=" + OPS_TOKEN)
			.withUserConfiguration(UserRegistryConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(DingTalkRobots.class);
				assertThat(context.getBean("dingTalkRobot.ops")).isSameAs(UserRegistryConfiguration.OPS);
			});
	}

	@Test
	void robotBeanRegistrationSurvivesAheadOfTimeProcessing() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			TestPropertyValues.of(twoRobots()).and("dingtalk.robots.ops.primary=true").applyTo(context);
			context.register(DingTalkRobotAutoConfiguration.class);
			TestGenerationContext generationContext = new TestGenerationContext();
			assertThatNoException()
				.isThrownBy(() -> new ApplicationContextAotGenerator().processAheadOfTime(context, generationContext));
			assertThat(context.getBeanDefinition("dingTalkRobot.ops").isPrimary()).isTrue();
			assertThat(context.getBeanDefinition("dingTalkRobot.team").getFactoryMethodName()).isEqualTo("get");
		}
	}

	private static FailureAnalysis analyzeInjectionFailure(AssertableApplicationContext context, String... properties) {
		MockEnvironment environment = new MockEnvironment();
		TestPropertyValues.of(properties).applyTo(environment);
		return new DingTalkRobotInjectionFailureAnalyzer(environment).analyze(context.getStartupFailure());
	}

	private static String[] twoRobots() {
		return new String[] {
				"dingtalk.robots.ops.webhook=https://oapi.dingtalk.com/robot/send?access_token=" + OPS_TOKEN,
				"dingtalk.robots.team.access-token=" + TEAM_TOKEN };
	}

	record QualifiedInjection(DingTalkRobot robot) {
	}

	record UnqualifiedInjection(DingTalkRobot robot) {
	}

	@Configuration(proxyBeanMethods = false)
	static class QualifiedInjectionConfiguration {

		@Bean
		QualifiedInjection qualifiedInjection(@Qualifier("team") DingTalkRobot robot) {
			return new QualifiedInjection(robot);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UnqualifiedInjectionConfiguration {

		@Bean
		UnqualifiedInjection unqualifiedInjection(DingTalkRobot robot) {
			return new UnqualifiedInjection(robot);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserRobotConfiguration {

		final DingTalkRobot robot = DingTalkRobot.builder("ops").accessToken("user-token").build();

		@Bean("dingTalkRobot.ops")
		DingTalkRobot userOpsRobot() {
			return this.robot;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserRegistryConfiguration {

		static final DingTalkRobot OPS = DingTalkRobot.builder("ops").accessToken("user-token").build();

		@Bean
		DingTalkRobots myRobots() {
			return DingTalkRobots.of(List.of(OPS));
		}

	}

}
