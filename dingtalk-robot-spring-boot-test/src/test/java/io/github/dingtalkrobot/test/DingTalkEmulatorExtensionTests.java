package io.github.dingtalkrobot.test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.emulator.WebhookClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Tests for {@link DingTalkEmulatorExtension}, running test classes that use it through
 * the JUnit Platform test kit.
 */
class DingTalkEmulatorExtensionTests {

	@Test
	void staticExtensionRunsOneEmulatorForTheClassAndResetsItBetweenTests() {
		StaticRegistration.emulators.clear();
		assertAllSucceeded(StaticRegistration.class, 2);
		assertThat(StaticRegistration.emulators).hasSize(2).containsOnly(StaticRegistration.dingtalk.emulator());
		assertThat(StaticRegistration.dingtalk.emulator().isRunning()).isFalse();
	}

	@Test
	void extendWithRunsOneEmulatorForTheClassAndItsNestedClasses() {
		ExtendWithRegistration.emulators.clear();
		assertAllSucceeded(ExtendWithRegistration.class, 3);
		assertThat(ExtendWithRegistration.emulators).hasSize(3);
		assertThat(ExtendWithRegistration.emulators.stream().distinct()).hasSize(1);
		assertThat(ExtendWithRegistration.emulators.get(0).isRunning()).isFalse();
	}

	@Test
	void instanceExtensionRunsAnEmulatorForEachTest() {
		InstanceRegistration.emulators.clear();
		assertAllSucceeded(InstanceRegistration.class, 2);
		assertThat(InstanceRegistration.emulators).hasSize(2).doesNotHaveDuplicates();
		assertThat(InstanceRegistration.emulators).noneMatch(DingTalkEmulator::isRunning);
	}

	@Test
	void instanceExtensionWithPerClassLifecycleRestartsTheEmulatorForEachTest() {
		PerClassInstanceRegistration.emulators.clear();
		assertAllSucceeded(PerClassInstanceRegistration.class, 2);
		assertThat(PerClassInstanceRegistration.emulators).hasSize(2)
			.containsOnly(PerClassInstanceRegistration.emulators.get(0));
		assertThat(PerClassInstanceRegistration.emulators.get(0).isRunning()).isFalse();
	}

	private static void assertAllSucceeded(Class<?> testClass, int tests) {
		EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(testClass))
			.execute();
		assertThat(results.allEvents().failed().stream())
			.map((event) -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().toString())
			.isEmpty();
		results.testEvents().assertStatistics((stats) -> stats.started(tests).succeeded(tests));
	}

	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	static class StaticRegistration {

		static final Instant NOW = Instant.parse("2025-11-28T08:00:00Z");

		@RegisterExtension
		static DingTalkEmulatorExtension dingtalk = new DingTalkEmulatorExtension(
				DingTalkEmulator.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)));

		static final List<DingTalkEmulator> emulators = new CopyOnWriteArrayList<>();

		@BeforeAll
		static void registerRobot() {
			dingtalk.registerRobot("ops", "token-ops");
		}

		@Test
		@Order(1)
		void firstTestSends() {
			emulators.add(dingtalk.emulator());
			assertThat(dingtalk.emulator().isRunning()).isTrue();
			WebhookClient.post(dingtalk.robot("ops").webhook(), WebhookClient.text("hi"));
			assertThat(dingtalk.robot("ops").receivedMessages()).singleElement()
				.satisfies((message) -> assertThat(message.receivedAt()).isEqualTo(NOW));
		}

		@Test
		@Order(2)
		void secondTestSeesNoneOfTheFirstTestsRequests(DingTalkEmulator emulator) {
			emulators.add(emulator);
			assertThat(emulator.robot("ops").requests()).isEmpty();
			assertThat(emulator.robots()).hasSize(1);
		}

	}

	@ExtendWith(DingTalkEmulatorExtension.class)
	static class ExtendWithRegistration {

		static final List<DingTalkEmulator> emulators = new CopyOnWriteArrayList<>();

		private final DingTalkEmulator emulator;

		ExtendWithRegistration(DingTalkEmulator emulator) {
			this.emulator = emulator;
		}

		@Test
		void constructorAndMethodGetTheSameRunningEmulator(DingTalkEmulator emulator) {
			emulators.add(emulator);
			assertThat(emulator).isSameAs(this.emulator);
			assertThat(emulator.isRunning()).isTrue();
		}

		@Test
		void emulatorAnswersRequests(DingTalkEmulator emulator) {
			emulators.add(emulator);
			EmulatedRobot robot = emulator.registerRobot("ops", "token-ops");
			assertThat(WebhookClient.post(robot.webhook(), WebhookClient.text("hi")).errcode()).isZero();
		}

		@Nested
		class Inner {

			@Test
			void nestedTestGetsTheSameEmulator(DingTalkEmulator emulator) {
				emulators.add(emulator);
				assertThat(emulator.isRunning()).isTrue();
			}

		}

	}

	static class InstanceRegistration {

		static final List<DingTalkEmulator> emulators = new CopyOnWriteArrayList<>();

		@RegisterExtension
		DingTalkEmulatorExtension dingtalk = new DingTalkEmulatorExtension();

		@Test
		void firstTest() {
			assertRunning();
		}

		@Test
		void secondTest() {
			assertRunning();
		}

		private void assertRunning() {
			emulators.add(this.dingtalk.emulator());
			assertThat(this.dingtalk.emulator().isRunning()).isTrue();
		}

	}

	@TestInstance(TestInstance.Lifecycle.PER_CLASS)
	static class PerClassInstanceRegistration extends InstanceRegistration {

	}

}
