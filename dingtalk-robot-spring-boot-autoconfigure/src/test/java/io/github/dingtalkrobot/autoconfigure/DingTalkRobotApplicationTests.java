package io.github.dingtalkrobot.autoconfigure;

import java.time.Instant;

import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.LoopbackServer;
import io.github.dingtalkrobot.LoopbackServer.RecordedRequest;
import io.github.dingtalkrobot.ReferenceSignature;
import io.github.dingtalkrobot.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
 * to a server on loopback.
 */
class DingTalkRobotApplicationTests {

	private static final String OPS_TOKEN = "tok-app-ops-77aa";

	private static final String TEAM_TOKEN = "tok-app-team-88bb";

	private static final String OPS_SECRET = "SECapplication0a1b2c3d4e5f";

	@RegisterExtension
	final LoopbackServer server = new LoopbackServer();

	@Test
	void applicationSendsThroughBothRobots() {
		SpringApplication application = new SpringApplicationBuilder(SampleApplication.class)
			.web(WebApplicationType.NONE)
			.properties("dingtalk.robots.ops.webhook=" + this.server.webhook(OPS_TOKEN),
					"dingtalk.robots.ops.secret=" + OPS_SECRET, "dingtalk.robots.ops.primary=true",
					"dingtalk.base-url=" + this.server.baseUrl(), "dingtalk.robots.team.access-token=" + TEAM_TOKEN,
					"dingtalk.robots.team.keywords=告警")
			.build();
		long before = Instant.now().toEpochMilli();
		try (ConfigurableApplicationContext context = application.run()) {
			Notifier notifier = context.getBean(Notifier.class);
			notifier.ops.send(Message.markdown("Deployed", "### Deployed 1.2.3").atMobiles("13800000000"));
			notifier.team.sendText("disk almost full");
		}
		long after = Instant.now().toEpochMilli();
		assertThat(this.server.requests()).hasSize(2);
		RecordedRequest ops = this.server.requests().get(0);
		assertThat(ops.query()).containsEntry("access_token", OPS_TOKEN);
		long timestamp = Long.parseLong(ops.query().get("timestamp"));
		assertThat(timestamp).isBetween(before, after);
		assertThat(ops.query()).containsEntry("sign", ReferenceSignature.of(String.valueOf(timestamp), OPS_SECRET));
		assertThat(ops.bodyText()).contains("\"msgtype\":\"markdown\"", "@13800000000");
		RecordedRequest team = this.server.requests().get(1);
		assertThat(team.query()).containsOnlyKeys("access_token").containsEntry("access_token", TEAM_TOKEN);
		assertThat(team.bodyText()).contains("disk almost full", "告警");
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
