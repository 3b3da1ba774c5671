package io.github.dingtalkrobot.test;

import io.github.dingtalkrobot.DingTalkRobots;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

import static io.github.dingtalkrobot.test.DingTalkEmulatorAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AutoConfigureDingTalkEmulator}: robots configured for DingTalk, for an
 * access token and for a server on loopback all end up in the emulator.
 */
@SpringBootTest(
		properties = { "dingtalk.robots.ops.webhook=https://oapi.dingtalk.com/robot/send?access_token=tok-acde-ops",
				"dingtalk.robots.ops.secret=SECacdeops0123456789", "dingtalk.robots.team.access-token=tok-acde-team",
				"dingtalk.robots.team.keywords=告警,监控",
				"dingtalk.robots.local.webhook=http://127.0.0.1:9/robot/send?access_token=tok-acde-local" })
@AutoConfigureDingTalkEmulator
class AutoConfigureDingTalkEmulatorTests {

	@Autowired
	private DingTalkEmulator emulator;

	@Autowired
	private DingTalkRobots robots;

	@Autowired
	private Environment environment;

	@Autowired
	private ApplicationContext context;

	@Test
	void everyConfiguredRobotIsRegisteredWithItsAccessTokenSecretAndKeywords() {
		assertThat(this.emulator.robots()).extracting(EmulatedRobot::name).containsExactly("local", "ops", "team");
		EmulatedRobot ops = this.emulator.robot("ops");
		assertThat(ops.accessToken()).isEqualTo("tok-acde-ops");
		assertThat(ops.secret()).isEqualTo("SECacdeops0123456789");
		assertThat(ops.keywords()).isEmpty();
		EmulatedRobot team = this.emulator.robot("team");
		assertThat(team.accessToken()).isEqualTo("tok-acde-team");
		assertThat(team.secret()).isNull();
		assertThat(team.keywords()).containsExactly("告警", "监控");
		assertThat(this.emulator.robot("local").accessToken()).isEqualTo("tok-acde-local");
	}

	@Test
	void everyRobotSendsToTheEmulatorWhereverItWasConfiguredToSend() {
		this.robots.names().forEach((name) -> this.robots.get(name).sendText("告警 from " + name));
		assertThat(this.emulator.requests()).hasSize(3);
		assertThat(this.emulator).hasNoUnknownTokenRequests();
		assertThat(this.emulator.robot("ops")).receivedText("告警 from ops");
		assertThat(this.emulator.robot("team")).receivedText("告警 from team");
		assertThat(this.emulator.robot("local")).receivedText("告警 from local");
	}

	@Test
	void webhooksAndTheBaseUrlPointAtTheEmulator() {
		assertThat(this.environment.getProperty("dingtalk.robots.ops.webhook"))
			.isEqualTo(this.emulator.robot("ops").webhook())
			.startsWith("http://127.0.0.1:" + this.emulator.port() + "/robot/send?access_token=");
		assertThat(this.environment.getProperty("dingtalk.robots.local.webhook"))
			.isEqualTo(this.emulator.robot("local").webhook());
		assertThat(this.environment.getProperty("dingtalk.robots.team.webhook")).isNull();
		assertThat(this.environment.getProperty("dingtalk.base-url")).isEqualTo(this.emulator.baseUrl());
	}

	@Test
	void emulatorIsARunningBeanNamedDingTalkEmulator() {
		assertThat(this.context.getBean("dingTalkEmulator")).isSameAs(this.emulator);
		assertThat(this.emulator.isRunning()).isTrue();
	}

	@Nested
	class NestedTests {

		@Autowired
		private DingTalkEmulator nestedEmulator;

		@Test
		void nestedTestsShareTheEmulator() {
			assertThat(this.nestedEmulator).isSameAs(AutoConfigureDingTalkEmulatorTests.this.emulator);
		}

	}

}
