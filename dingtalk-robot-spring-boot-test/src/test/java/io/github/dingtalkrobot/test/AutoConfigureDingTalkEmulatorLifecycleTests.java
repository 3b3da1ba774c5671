package io.github.dingtalkrobot.test;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import ch.qos.logback.classic.Logger;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.autoconfigure.InvalidDingTalkRobotPropertiesException;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.github.dingtalkrobot.test.DingTalkEmulatorAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Tests for the lifecycle of the emulator of {@link AutoConfigureDingTalkEmulator},
 * running Spring Boot test classes that use it through the JUnit Platform test kit.
 */
@ExtendWith(OutputCaptureExtension.class)
class AutoConfigureDingTalkEmulatorLifecycleTests {

	static final List<DingTalkEmulator> emulators = new CopyOnWriteArrayList<>();

	@BeforeEach
	void forgetEmulators() {
		emulators.clear();
	}

	@Test
	void emulatorIsResetAfterEachTestMethodButKeepsWhatTheApplicationSentAtStartupForTheFirst() {
		assertAllSucceeded(run(ResetAfterEachTest.class), 2);
		assertThat(emulators).hasSize(2).containsOnly(emulators.get(0));
	}

	@Test
	void testClassesWithTheSameConfigurationShareOneApplicationContextAndEmulator() {
		assertAllSucceeded(run(SharedContext.class, SharedContextAgain.class, SharedContextMetaAnnotated.class), 3);
		assertThat(emulators).hasSize(3).containsOnly(emulators.get(0));
	}

	@Test
	void robotsConfiguredByDynamicPropertySourcesAreEmulated() {
		assertAllSucceeded(run(ConfiguredDynamically.class), 1);
	}

	@Test
	void emulatorStopsWhenTheApplicationContextCloses() {
		assertAllSucceeded(run(ClosedWithContext.class), 1);
		assertThat(emulators).singleElement().satisfies((emulator) -> assertThat(emulator.isRunning()).isFalse());
	}

	@Test
	void emulatorStopsWhenTheApplicationFailsToStart() {
		assertThat(contextFailure(FailingApplication.class)).rootCause().hasMessage("Application failed to start");
		assertThat(emulators).singleElement().satisfies((emulator) -> assertThat(emulator.isRunning()).isFalse());
	}

	@Test
	void robotWithoutAccessTokenIsLeftToTheAutoConfigurationToReport() {
		assertThat(contextFailure(RobotWithoutAccessToken.class)).rootCause()
			.isInstanceOfSatisfying(InvalidDingTalkRobotPropertiesException.class,
					(ex) -> assertThat(ex.getProperty()).isEqualTo("dingtalk.robots.ops.webhook"));
	}

	@Test
	void robotsSharingAnAccessTokenFailStartupWithoutNamingTheToken() {
		Throwable failure = contextFailure(RobotsSharingAnAccessToken.class);
		assertThat(causes(failure)).filteredOn((cause) -> Objects.toString(cause.getMessage()).contains("emulated"))
			.singleElement()
			.satisfies((refusal) -> {
				assertThat(refusal).isInstanceOf(IllegalStateException.class)
					.hasMessage("DingTalk robot 'second' configured under 'dingtalk.robots' cannot be emulated: "
							+ "The access token of robot 'second' is already registered for robot 'first'");
				assertThat(causes(refusal).map(Throwable::getMessage))
					.noneMatch((message) -> message.contains(RobotsSharingAnAccessToken.TOKEN));
			});
	}

	@Test
	void logsNameRobotsButNeverTheirTokensSecretsOrSignatures(CapturedOutput output) {
		try {
			assertAllSucceeded(run(LoggingEverything.class), 1);
		}
		finally {
			((Logger) LoggerFactory.getLogger("io.github.dingtalkrobot")).setLevel(null);
		}
		assertThat(output).contains("DingTalk robots [ops] send to the emulator at http://127.0.0.1:")
			.contains("RecordedRequest[robot=ops")
			.doesNotContain(LoggingEverything.TOKEN)
			.doesNotContain(LoggingEverything.SECRET)
			.doesNotContain("access_token")
			.doesNotContain("sign=");
	}

	private static EngineExecutionResults run(Class<?>... testClasses) {
		return EngineTestKit.engine("junit-jupiter")
			.selectors(Stream.of(testClasses).map((testClass) -> selectClass(testClass)).toArray(ClassSelector[]::new))
			.execute();
	}

	private static void assertAllSucceeded(EngineExecutionResults results, int tests) {
		assertThat(results.allEvents().failed().stream())
			.map((event) -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().toString())
			.isEmpty();
		results.testEvents().assertStatistics((stats) -> stats.started(tests).succeeded(tests));
	}

	private static Throwable contextFailure(Class<?> testClass) {
		return run(testClass).testEvents()
			.failed()
			.stream()
			.map((event) -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
			.findFirst()
			.orElseThrow(() -> new AssertionError(testClass.getSimpleName() + " started its application"));
	}

	private static Stream<Throwable> causes(Throwable throwable) {
		return Stream.iterate(throwable, Objects::nonNull, Throwable::getCause);
	}

	@SpringBootTest(properties = "dingtalk.robots.ops.access-token=tok-reset-ops")
	@AutoConfigureDingTalkEmulator
	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	static class ResetAfterEachTest {

		@Autowired
		private DingTalkEmulator emulator;

		@Autowired
		private DingTalkRobot ops;

		@Test
		@Order(1)
		void firstTestSeesTheStartupMessageAndSends() {
			emulators.add(this.emulator);
			this.ops.sendText("first test");
			assertThat(this.emulator.robot("ops")).receivedText("application started").receivedText("first test");
		}

		@Test
		@Order(2)
		void secondTestSeesNothingButTheRobotIsStillRegistered() {
			emulators.add(this.emulator);
			assertThat(this.emulator.requests()).isEmpty();
			assertThat(this.emulator.robot("ops").accessToken()).isEqualTo("tok-reset-ops");
		}

		@Configuration(proxyBeanMethods = false)
		@EnableAutoConfiguration
		static class StartupNotice {

			@Bean
			ApplicationRunner startupNotice(DingTalkRobot ops) {
				return (arguments) -> ops.sendText("application started");
			}

		}

	}

	@SpringBootTest(properties = "dingtalk.robots.ops.access-token=tok-shared-ops")
	@AutoConfigureDingTalkEmulator
	static class SharedContext {

		@Autowired
		private DingTalkEmulator emulator;

		@Test
		void recordsTheEmulator() {
			emulators.add(this.emulator);
		}

	}

	static class SharedContextAgain extends SharedContext {

	}

	@SpringBootTest(properties = "dingtalk.robots.ops.access-token=tok-shared-ops")
	@EmulatedDingTalk
	static class SharedContextMetaAnnotated {

		@Autowired
		private DingTalkEmulator emulator;

		@Test
		void recordsTheEmulator() {
			emulators.add(this.emulator);
		}

	}

	@SpringBootTest
	@AutoConfigureDingTalkEmulator
	static class ConfiguredDynamically {

		@Autowired
		private DingTalkEmulator emulator;

		@Autowired
		private DingTalkRobot ops;

		@DynamicPropertySource
		static void robots(DynamicPropertyRegistry registry) {
			registry.add("dingtalk.robots.ops.webhook",
					() -> "https://oapi.dingtalk.com/robot/send?access_token=tok-dynamic-ops");
		}

		@Test
		void sendsToTheEmulator() {
			this.ops.sendText("configured dynamically");
			assertThat(this.emulator.robot("ops").accessToken()).isEqualTo("tok-dynamic-ops");
			assertThat(this.emulator.robot("ops")).receivedText("configured dynamically");
		}

	}

	@SpringBootTest(properties = "dingtalk.robots.ops.access-token=tok-closed-ops")
	@AutoConfigureDingTalkEmulator
	@DirtiesContext
	static class ClosedWithContext {

		@Autowired
		private DingTalkEmulator emulator;

		@Test
		void recordsTheEmulator() {
			emulators.add(this.emulator);
			assertThat(this.emulator.isRunning()).isTrue();
		}

	}

	@SpringBootTest(properties = "dingtalk.robots.ops.access-token=tok-failing-ops")
	@AutoConfigureDingTalkEmulator
	static class FailingApplication {

		@Test
		void neverRuns() {
		}

		@Configuration(proxyBeanMethods = false)
		@EnableAutoConfiguration
		static class FailingConfiguration {

			@Bean
			Object failingBean(DingTalkEmulator emulator) {
				emulators.add(emulator);
				throw new IllegalStateException("Application failed to start");
			}

		}

	}

	@SpringBootTest(properties = "dingtalk.robots.ops.webhook=https://oapi.dingtalk.com/robot/send?token=tok-missing")
	@AutoConfigureDingTalkEmulator
	static class RobotWithoutAccessToken {

		@Test
		void neverRuns() {
		}

	}

	@SpringBootTest(properties = { "dingtalk.robots.first.access-token=" + RobotsSharingAnAccessToken.TOKEN,
			"dingtalk.robots.second.webhook=https://oapi.dingtalk.com/robot/send?access_token="
					+ RobotsSharingAnAccessToken.TOKEN })
	@AutoConfigureDingTalkEmulator
	static class RobotsSharingAnAccessToken {

		static final String TOKEN = "tok-shared-by-two-5e1f";

		@Test
		void neverRuns() {
		}

	}

	@SpringBootTest(
			properties = { "logging.level.io.github.dingtalkrobot=trace",
					"dingtalk.robots.ops.webhook=https://oapi.dingtalk.com/robot/send?access_token="
							+ LoggingEverything.TOKEN,
					"dingtalk.robots.ops.secret=" + LoggingEverything.SECRET })
	@AutoConfigureDingTalkEmulator
	@DirtiesContext
	static class LoggingEverything {

		static final String TOKEN = "tok-logged-never-8c2d";

		static final String SECRET = "SEClogged0never0a1b2c3d";

		@Autowired
		private DingTalkRobot ops;

		@Test
		void sendsASignedMessage() {
			this.ops.sendText("signed and logged");
		}

	}

	@Retention(RetentionPolicy.RUNTIME)
	@AutoConfigureDingTalkEmulator
	@interface EmulatedDingTalk {

	}

}
