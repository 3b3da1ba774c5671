package io.github.dingtalkrobot.autoconfigure;

import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with two robots, one signed and one with keywords, sending through both
 * to the emulator, which checks the signature and the keyword as DingTalk does.
 */
class DingTalkRobotApplicationTests {

	private static final String OPS_TOKEN = "tok-app-ops-77aa";

	private static final String TEAM_TOKEN = "tok-app-team-88bb";

	private static final String OPS_SECRET = "SECapplication0a1b2c3d4e5f";

	private final DingTalkEmulator emulator = DingTalkEmulator.builder().build().start();

	private final EmulatedRobot ops = this.emulator.registerRobot("ops", OPS_TOKEN).secret(OPS_SECRET);

	private final EmulatedRobot team = this.emulator.registerRobot("team", TEAM_TOKEN).keywords("告警");

	@AfterEach
	void closeEmulator() {
		this.emulator.close();
	}

	@Test
	void applicationSendsThroughBothRobots() {
		SpringApplication application = new SpringApplicationBuilder(SampleApplication.class)
			.web(WebApplicationType.NONE)
			.properties("dingtalk.robots.ops.webhook=" + this.ops.webhook(), "dingtalk.robots.ops.secret=" + OPS_SECRET,
					"dingtalk.robots.ops.primary=true", "dingtalk.base-url=" + this.emulator.baseUrl(),
					"dingtalk.robots.team.access-token=" + TEAM_TOKEN, "dingtalk.robots.team.keywords=告警")
			.build();
		try (ConfigurableApplicationContext context = application.run()) {
			Notifier notifier = context.getBean(Notifier.class);
			notifier.ops.send(Message.markdown("Deployed", "### Deployed 1.2.3").atMobiles("13800000000"));
			notifier.team.sendText("disk almost full");
		}
		assertThat(this.emulator.requests()).hasSize(2);
		assertThat(this.ops.receivedMessages()).singleElement().satisfies((message) -> {
			assertThat(message.signed()).isTrue();
			assertThat(message.msgtype()).isEqualTo("markdown");
			assertThat(message.mentions().includes("13800000000")).isTrue();
		});
		assertThat(this.team.receivedMessages()).singleElement().satisfies((message) -> {
			assertThat(message.signed()).isFalse();
			assertThat(message.text()).contains("disk almost full", "告警");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class SampleApplication {

		@Bean
		Notifier notifier(DingTalkRobot ops, @Qualifier("team") DingTalkRobot team) {
			return new Notifier(ops, team);
		}

	}

	record Notifier(DingTalkRobot ops, DingTalkRobot team) {
	}

}
