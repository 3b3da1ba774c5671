package io.github.dingtalkrobot.boot3sample;

import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.RecordedRequest;
import io.github.dingtalkrobot.test.AutoConfigureDingTalkEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.util.ClassUtils;

import static io.github.dingtalkrobot.test.DingTalkEmulatorAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter for Spring Boot 3.5 in a Boot 3.5 application: it starts, the robot sends
 * signed messages, and no Spring Boot 4 module came along.
 */
@SpringBootTest
@AutoConfigureDingTalkEmulator
class Boot3SampleApplicationTests {

	@Autowired
	private DeployNotifier notifier;

	@Autowired
	private DingTalkEmulator emulator;

	@Test
	void runsOnSpringBoot35WithoutSpringBoot4Modules() {
		assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
		assertThat(ClassUtils.isPresent("org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
				getClass().getClassLoader()))
			.isFalse();
	}

	@Test
	void robotSendsSignedMessages() {
		this.notifier.deployed("1.2.3");
		assertThat(this.emulator.robot("ops")).receivedText("Deployed 1.2.3");
		assertThat(this.emulator.robot("ops").receivedMessages()).allMatch(RecordedRequest::signed);
	}

}
