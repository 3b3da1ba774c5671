package io.github.dingtalkrobot.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import io.github.dingtalkrobot.DingTalkAppRobot;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DingTalkRobots;
import io.github.dingtalkrobot.autoconfigure.DingTalkQuota;
import io.github.dingtalkrobot.autoconfigure.DingTalkQuotaAutoConfiguration;
import io.github.dingtalkrobot.autoconfigure.DingTalkRobotAutoConfiguration;
import io.github.dingtalkrobot.autoconfigure.InvalidDingTalkRobotPropertiesException;
import io.github.dingtalkrobot.emulator.EmulatedApp;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.emulator.MutableClock;
import io.github.dingtalkrobot.message.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * App robots configured under {@code dingtalk.robots.<name>.app}, next to a webhook robot
 * in one application, and the monthly API-call quota they count towards.
 */
@ExtendWith(OutputCaptureExtension.class)
class AppRobotApplicationTests {

	// 23:58 on 30 November in China
	private final MutableClock clock = new MutableClock(Instant.parse("2025-11-30T15:58:00Z"));

	@RegisterExtension
	final AppRobots dingtalk = new AppRobots(this.clock);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(DingTalkRobotAutoConfiguration.class, DingTalkQuotaAutoConfiguration.class))
		.withPropertyValues("spring.main.banner-mode=off");

	private EmulatedRobot ops;

	@BeforeEach
	void registerWebhookRobot() {
		this.ops = this.dingtalk.registerRobot("ops", "token-ops");
	}

	@Test
	void appRobotAndWebhookRobotSendSideBySide() {
		this.contextRunner.withPropertyValues(robots()).run((context) -> {
			assertThat(context).hasSingleBean(DingTalkAppRobot.class);
			assertThat(context).getBeans(DingTalkRobot.class)
				.containsOnlyKeys("dingTalkRobot.ops", "dingTalkRobot.oncall");
			assertThat(context.getBean(DingTalkRobots.class).get("oncall")).isInstanceOf(DingTalkAppRobot.class);
			context.getBean(DingTalkAppRobot.class).sendToUsers(List.of("user1"), Message.text("you are on call"));
			context.getBean("dingTalkRobot.oncall", DingTalkRobot.class).sendText("on call: user1");
			context.getBean("dingTalkRobot.ops", DingTalkRobot.class).sendText("disk full");
			assertThat(this.dingtalk.app().userMessages()).singleElement()
				.satisfies((request) -> assertThat(request.msgParam()).containsEntry("content", "you are on call"));
			assertThat(this.dingtalk.app().groupMessages()).singleElement()
				.satisfies((request) -> assertThat(request.msgParam()).containsEntry("content", "on call: user1"));
			assertThat(this.ops.receivedMessages()).hasSize(1);
			assertThat(context).doesNotHaveBean(DingTalkQuota.class);
		});
	}

	@Test
	void appRobotsOfOneAppShareOneAccessTokenAndAnotherAppFetchesItsOwn() {
		this.dingtalk.app().conversation("cidReleaseGroup==");
		EmulatedApp other = this.dingtalk.emulator()
			.registerApp("dingclient0billing", "app-secret-8d1e4b", "dingrobot0billing")
			.conversation("cidBillingGroup==");
		this.contextRunner.withPropertyValues(robots())
			.withPropertyValues("dingtalk.robots.releases.app.client-id=" + AppRobots.CLIENT_ID,
					"dingtalk.robots.releases.app.client-secret=" + AppRobots.CLIENT_SECRET,
					"dingtalk.robots.releases.app.robot-code=" + AppRobots.ROBOT_CODE,
					"dingtalk.robots.releases.app.conversation-id=cidReleaseGroup==",
					"dingtalk.robots.billing.app.client-id=dingclient0billing",
					"dingtalk.robots.billing.app.client-secret=app-secret-8d1e4b",
					"dingtalk.robots.billing.app.robot-code=dingrobot0billing",
					"dingtalk.robots.billing.app.conversation-id=cidBillingGroup==")
			.run((context) -> {
				DingTalkRobots robots = context.getBean(DingTalkRobots.class);
				robots.get("oncall").sendText("on call: user1");
				robots.get("releases").sendText("release 4711 is out");
				robots.get("billing").sendText("invoice run finished");
				assertThat(this.dingtalk.app().groupMessages()).hasSize(2);
				assertThat(this.dingtalk.app().tokenRequests()).isOne();
				assertThat(other.groupMessages()).hasSize(1);
				assertThat(other.tokenRequests()).isOne();
			});
	}

	@Test
	void appRobotIsInjectedByTypeAndQualifier() {
		this.contextRunner.withPropertyValues(robots())
			.withBean(OnCall.class)
			.run((context) -> assertThat(context.getBean(OnCall.class).robot().name()).isEqualTo("oncall"));
	}

	@Test
	void everyRequestCountsTowardsTheQuotaWithOneWarning(CapturedOutput output) {
		this.contextRunner.withPropertyValues(robots())
			.withPropertyValues("dingtalk.quota.monthly-calls=4", "dingtalk.quota.warn-at=75%")
			.withBean(Clock.class, () -> this.clock)
			.run((context) -> {
				DingTalkQuota quota = context.getBean(DingTalkQuota.class);
				// An access token request and a send
				context.getBean(DingTalkAppRobot.class).sendText("on call: user1");
				assertThat(quota.used()).isEqualTo(2);
				assertThat(output).doesNotContain("monthly API calls");
				context.getBean("dingTalkRobot.ops", DingTalkRobot.class).sendText("disk full");
				context.getBean("dingTalkRobot.ops", DingTalkRobot.class).sendText("disk still full");
				assertThat(quota.used()).isEqualTo(4);
				assertThat(output).containsOnlyOnce("DingTalk robots made 3 of the organization's 4 monthly API "
						+ "calls in 2025-11 (75% or more)");
				assertThat(output).doesNotContain(AppRobots.CLIENT_SECRET).doesNotContain("token-ops");
				// Midnight in China starts a new month, while it is still November in UTC
				this.clock.advance(Duration.ofMinutes(2));
				assertThat(quota.month()).isEqualTo(YearMonth.of(2025, 12));
				assertThat(quota.used()).isZero();
				context.getBean("dingTalkRobot.ops", DingTalkRobot.class).sendText("new month");
				assertThat(quota.used()).isOne();
			});
	}

	@Test
	void appRobotWithAWebhookFailsStartup() {
		this.contextRunner.withPropertyValues(robots())
			.withPropertyValues("dingtalk.robots.oncall.webhook=" + this.ops.webhook())
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidDingTalkRobotPropertiesException.class,
						(ex) -> assertThat(ex.getProperty()).isEqualTo("dingtalk.robots.oncall.app")));
	}

	@Test
	void appRobotWithoutClientSecretFailsStartupWithoutRevealingValues() {
		this.contextRunner
			.withPropertyValues("dingtalk.robots.oncall.app.client-id=" + AppRobots.CLIENT_ID,
					"dingtalk.robots.oncall.app.robot-code=" + AppRobots.ROBOT_CODE)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidDingTalkRobotPropertiesException.class, (ex) -> {
					assertThat(ex.getProperty()).isEqualTo("dingtalk.robots.oncall.app.client-secret");
					assertThat(ex.getMessage()).doesNotContain(AppRobots.CLIENT_ID);
				}));
	}

	@Test
	void warnAtThatIsNotAPercentageFailsStartup() {
		this.contextRunner.withPropertyValues(robots())
			.withPropertyValues("dingtalk.quota.monthly-calls=5000", "dingtalk.quota.warn-at=eighty")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidDingTalkRobotPropertiesException.class,
						(ex) -> assertThat(ex.getProperty()).isEqualTo("dingtalk.quota.warn-at")));
	}

	private String[] robots() {
		return new String[] { "dingtalk.openapi-base-url=" + this.dingtalk.emulator().openApiBaseUrl(),
				"dingtalk.robots.ops.webhook=" + this.ops.webhook(),
				"dingtalk.robots.oncall.app.client-id=" + AppRobots.CLIENT_ID,
				"dingtalk.robots.oncall.app.client-secret=" + AppRobots.CLIENT_SECRET,
				"dingtalk.robots.oncall.app.robot-code=" + AppRobots.ROBOT_CODE,
				"dingtalk.robots.oncall.app.conversation-id=" + AppRobots.CONVERSATION_ID };
	}

	record OnCall(@Qualifier("oncall") DingTalkAppRobot robot) {

	}

}
