package io.github.dingtalkrobot.sample.emulator;

import java.util.concurrent.atomic.AtomicReference;

import io.github.dingtalkrobot.DingTalkRobots;
import io.github.dingtalkrobot.autoconfigure.DingTalkRobotAutoConfiguration;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.emulator.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.github.dingtalkrobot.test.DingTalkEmulatorAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EmbeddedDingTalkEmulatorInitializer}.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDingTalkEmulatorInitializerTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withInitializer(new EmbeddedDingTalkEmulatorInitializer())
		.withConfiguration(AutoConfigurations.of(DingTalkRobotAutoConfiguration.class))
		.withUserConfiguration(EmulatorController.class);

	@Test
	void robotWithoutWebhookSendsToTheEmbeddedEmulatorWithAGeneratedSecret() {
		this.contextRunner.withPropertyValues("dingtalk.robots.ops.webhook=", "dingtalk.robots.ops.secret=")
			.run((context) -> {
				DingTalkEmulator emulator = context.getBean(DingTalkEmulator.class);
				EmulatedRobot ops = emulator.robot("ops");
				assertThat(ops.secret()).startsWith("SEC").hasSize(67);
				assertThat(context.getEnvironment().getProperty("dingtalk.robots.ops.webhook"))
					.isEqualTo(ops.webhook());
				context.getBean(DingTalkRobots.class).get("ops").sendText("Disk almost full");
				assertThat(ops).receivedText("Disk almost full");
				assertThat(ops.receivedMessages()).allMatch(RecordedRequest::signed);
				assertThat(context).hasSingleBean(EmulatorController.class);
			});
	}

	@Test
	void robotWithoutSecretPropertyNeedsNoSignatureButItsKeywords() {
		this.contextRunner.withPropertyValues("dingtalk.robots.team.webhook=", "dingtalk.robots.team.keywords=通知")
			.run((context) -> {
				EmulatedRobot team = context.getBean(DingTalkEmulator.class).robot("team");
				assertThat(team.secret()).isNull();
				assertThat(team.keywords()).containsExactly("通知");
				context.getBean(DingTalkRobots.class).get("team").sendText("Standup moved to 10:30");
				assertThat(team).receivedText("Standup moved to 10:30\n通知");
				assertThat(team.receivedMessages()).noneMatch(RecordedRequest::signed);
			});
	}

	@Test
	void configuredSecretIsKept() {
		this.contextRunner
			.withPropertyValues("dingtalk.robots.ops.webhook=", "dingtalk.robots.ops.secret=SECsample0123456789")
			.run((context) -> assertThat(context.getBean(DingTalkEmulator.class).robot("ops").secret())
				.isEqualTo("SECsample0123456789"));
	}

	@Test
	void onlyRobotsWithoutAddressSendToTheEmbeddedEmulator() {
		this.contextRunner
			.withPropertyValues("dingtalk.robots.ops.webhook=https://oapi.dingtalk.com/robot/send?access_token=abc",
					"dingtalk.robots.team.webhook=", "dingtalk.robots.alerts.access-token=def")
			.run((context) -> {
				assertThat(context.getBean(DingTalkEmulator.class).robots()).extracting(EmulatedRobot::name)
					.containsExactly("team");
				assertThat(context.getEnvironment().getProperty("dingtalk.robots.ops.webhook"))
					.isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=abc");
			});
	}

	@Test
	void robotsWithAddressesStartNoEmulator() {
		this.contextRunner
			.withPropertyValues("dingtalk.robots.ops.webhook=https://oapi.dingtalk.com/robot/send?access_token=abc",
					"dingtalk.robots.team.access-token=def")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(DingTalkEmulator.class)
				.doesNotHaveBean(EmulatorController.class));
	}

	@Test
	void emulatorStopsWithTheContext() {
		AtomicReference<DingTalkEmulator> emulator = new AtomicReference<>();
		this.contextRunner.withPropertyValues("dingtalk.robots.ops.webhook=").run((context) -> {
			emulator.set(context.getBean(DingTalkEmulator.class));
			assertThat(emulator.get().isRunning()).isTrue();
		});
		assertThat(emulator.get().isRunning()).isFalse();
	}

	@Test
	void emulatorStopsWhenTheContextFailsToStart() {
		AtomicReference<DingTalkEmulator> emulator = new AtomicReference<>();
		this.contextRunner
			.withInitializer((context) -> emulator.set(context.getBeanFactory().getBean(DingTalkEmulator.class)))
			.withPropertyValues("dingtalk.robots.ops.webhook=", "dingtalk.robots.ops.read-timeout=-1s")
			.run((context) -> assertThat(context).hasFailed());
		assertThat(emulator.get().isRunning()).isFalse();
	}

	@Test
	void fallbackIsLoggedWithoutTokenOrSecret(CapturedOutput output) {
		this.contextRunner.withPropertyValues("dingtalk.robots.ops.webhook=", "dingtalk.robots.ops.secret=")
			.run((context) -> {
				DingTalkEmulator emulator = context.getBean(DingTalkEmulator.class);
				assertThat(output)
					.contains("No DingTalk webhook configured for robot 'ops': sending to the embedded "
							+ "DingTalk emulator at " + emulator.baseUrl() + "; see GET /emulator/messages")
					.doesNotContain(emulator.robot("ops").accessToken())
					.doesNotContain(emulator.robot("ops").secret());
			});
	}

}
