package io.github.dingtalkrobot.test;

import io.github.dingtalkrobot.DingTalkApiException;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.message.Message;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.github.dingtalkrobot.test.DingTalkEmulatorAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An application with two robots, one signed and configured with DingTalk's webhook, one
 * configured with an access token and keywords, sending through both to the emulator of
 * {@link AutoConfigureDingTalkEmulator}, which checks the signature and the keywords.
 */
@SpringBootTest(properties = {
		"dingtalk.robots.ops.webhook=https://oapi.dingtalk.com/robot/send?access_token="
				+ DingTalkRobotApplicationTests.OPS_TOKEN,
		"dingtalk.robots.ops.secret=" + DingTalkRobotApplicationTests.OPS_SECRET, "dingtalk.robots.ops.primary=true",
		"dingtalk.robots.team.access-token=" + DingTalkRobotApplicationTests.TEAM_TOKEN,
		"dingtalk.robots.team.keywords=告警" })
@AutoConfigureDingTalkEmulator
class DingTalkRobotApplicationTests {

	static final String OPS_TOKEN = "tok-app-ops-77aa";

	static final String OPS_SECRET = "SECapplication0a1b2c3d4e5f";

	static final String TEAM_TOKEN = "tok-app-team-88bb";

	@Autowired
	private Notifier notifier;

	@Autowired
	private DingTalkEmulator emulator;

	@Test
	void applicationSendsThroughBothRobots() {
		this.notifier.ops().send(Message.markdown("Deployed", "### Deployed 1.2.3").atMobiles("13800000000"));
		this.notifier.team().sendText("disk almost full");
		assertThat(this.emulator).hasNoUnknownTokenRequests().hasNoRateViolations();
		assertThat(this.emulator.robot("ops")).receivedText("Deployed 1.2.3").mentioned("13800000000");
		assertThat(this.emulator.robot("team")).receivedText("disk almost full").receivedText("告警");
	}

	@Test
	void emulatorVerifiesTheSignatureOfTheSignedRobot() {
		this.notifier.ops().sendText("signed");
		this.notifier.team().sendText("告警 unsigned");
		assertThat(this.emulator.robot("ops").secret()).isEqualTo(OPS_SECRET);
		assertThat(this.emulator.robot("ops").receivedMessages()).singleElement()
			.satisfies((message) -> assertThat(message.signed()).isTrue());
		assertThat(this.emulator.robot("team").secret()).isNull();
		assertThat(this.emulator.robot("team").receivedMessages()).singleElement()
			.satisfies((message) -> assertThat(message.signed()).isFalse());
	}

	@Test
	void emulatorChecksTheKeywordsOfTheRobotWithKeywords() {
		this.notifier.team().send(Message.link("Build 42", "passed", "https://ci.example.com/42"));
		assertThat(this.emulator.robot("team").keywords()).containsExactly("告警");
		assertThat(this.emulator.robot("team").receivedMessages()).singleElement()
			.satisfies((message) -> assertThat(message.visibleText()).contains("告警"));
	}

	@Test
	void faultInjectedIntoTheEmulatorReachesTheApplicationAsATypedException() {
		// A permanent refusal: a 130101 would rightly pause the shared robot for ten
		// minutes
		this.emulator.robot("ops").failNext(1).withErrcode(430101);
		assertThatExceptionOfType(DingTalkApiException.class)
			.isThrownBy(() -> this.notifier.ops().sendText("unsafe link"))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(430101))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
		assertThat(this.notifier.ops().sendText("fine again").errcode()).isZero();
		assertThat(this.emulator.robot("ops")).hasNoPendingFaults().receivedText("fine again");
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
