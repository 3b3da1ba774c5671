package io.github.dingtalkrobot.sample;

import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the sample application as {@code main} does and checks what it logs.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationStartupTests {

	@Test
	void logShowsWhereTheMessagesWentButNoTokenOrSecret(CapturedOutput output) {
		try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class,
				"--server.port=0")) {
			DingTalkEmulator emulator = context.getBean(DingTalkEmulator.class);
			assertThat(output).contains(
					"No DingTalk webhook configured for robot 'ops': sending to the embedded DingTalk emulator at "
							+ emulator.baseUrl(),
					"No DingTalk webhook configured for robot 'team': sending to the embedded DingTalk emulator at "
							+ emulator.baseUrl(),
					"Sent markdown through DingTalk robot 'ops': errcode 0",
					"Sent actionCard through DingTalk robot 'team': errcode 0",
					"The embedded DingTalk emulator received 5 messages; see them as a group would in its inbox at "
							+ emulator.inboxUrl() + " or list them with: curl http://localhost:");
			for (EmulatedRobot robot : emulator.robots()) {
				assertThat(output).doesNotContain(robot.accessToken());
				if (robot.secret() != null) {
					assertThat(output).doesNotContain(robot.secret());
				}
			}
		}
	}

}
