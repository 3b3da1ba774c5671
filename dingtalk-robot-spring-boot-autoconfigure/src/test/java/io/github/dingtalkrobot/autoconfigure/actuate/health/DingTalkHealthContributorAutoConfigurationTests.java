package io.github.dingtalkrobot.autoconfigure.actuate.health;

import java.util.Map;

import io.github.dingtalkrobot.DingTalkApiException;
import io.github.dingtalkrobot.DingTalkMessageTooLargeException;
import io.github.dingtalkrobot.DingTalkRateLimitedException;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DingTalkRobots;
import io.github.dingtalkrobot.DingTalkTransportException;
import io.github.dingtalkrobot.autoconfigure.DingTalkRobotAutoConfiguration;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DingTalkHealthContributorAutoConfiguration}, with robots sending to
 * the emulator. Spring Boot 4 only: the {@code spring-boot-3.5} profile leaves this class
 * out.
 */
class DingTalkHealthContributorAutoConfigurationTests {

	private static final String TOKEN = "tok-health-6b0e2f";

	private static final String SECRET = "SEChealth9c9c9c";

	@AutoClose
	final DingTalkEmulator emulator = DingTalkEmulator.builder().build().start();

	private final EmulatedRobot dingtalk = this.emulator.registerRobot("alerts", TOKEN);

	private final EmulatedRobot deploys = this.emulator.registerRobot("deploys", TOKEN + "-deploys");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkRobotAutoConfiguration.class,
				DingTalkHealthContributorAutoConfiguration.class))
		.withPropertyValues("dingtalk.robots.alerts.webhook=" + this.dingtalk.webhook(),
				"dingtalk.robots.alerts.secret=" + SECRET, "dingtalk.robots.alerts.rate-limit.max-wait=0",
				"dingtalk.robots.deploys.webhook=" + this.deploys.webhook(),
				"dingtalk.robots.deploys.delivery.retry.max-attempts=1");

	@Test
	void healthIsOffByDefault() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean("dingtalkHealthContributor"));
	}

	@Test
	void robotsThatSentNothingAreUp() {
		this.contextRunner.withPropertyValues("management.health.dingtalk.enabled=true").run((context) -> {
			assertThat(health(context, "alerts").getStatus()).isEqualTo(Status.UP);
			assertThat(health(context, "deploys").getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void robotThatDingTalkRefusedIsRefusedUntilItDeliversAMessage() {
		this.contextRunner.withPropertyValues("management.health.dingtalk.enabled=true").run((context) -> {
			DingTalkRobots robots = context.getBean(DingTalkRobots.class);
			this.dingtalk.failNext(1).withErrcode(310000, "sign not match");
			assertThatExceptionOfType(DingTalkApiException.class)
				.isThrownBy(() -> robots.get("alerts").sendText("refused"));
			Health down = health(context, "alerts");
			assertThat(down.getStatus()).isEqualTo(RobotHealthIndicator.REFUSED);
			assertThat(down.getDetails()).containsEntry("lastFailureErrcode", 310000)
				.containsEntry("reason", "DingTalk refused the robot's last message")
				.containsKey("lastFailure");
			assertThat(health(context, "deploys").getStatus()).isEqualTo(Status.UP);
			robots.get("alerts").sendText("delivered");
			Health up = health(context, "alerts");
			assertThat(up.getStatus()).isEqualTo(Status.UP);
			assertThat(up.getDetails()).containsKeys("lastSuccess", "lastFailure");
		});
	}

	@Test
	void throttledRobotIsThrottled() {
		this.contextRunner.withPropertyValues("management.health.dingtalk.enabled=true").run((context) -> {
			DingTalkRobots robots = context.getBean(DingTalkRobots.class);
			robots.get("alerts").sendText("delivered");
			this.dingtalk.failNext(1).withErrcode(130101);
			assertThatExceptionOfType(DingTalkRateLimitedException.class)
				.isThrownBy(() -> robots.get("alerts").sendText("too fast"));
			Health health = health(context, "alerts");
			assertThat(health.getStatus()).isEqualTo(RobotHealthIndicator.THROTTLED);
			assertThat(health.getDetails()).containsEntry("lastFailureErrcode", 130101)
				.containsEntry("reason", "DingTalk throttled the robot; it sends nothing until the pause ends")
				.containsKey("pausedUntil");
		});
	}

	@Test
	void robotThatCannotReachDingTalkIsUnreachable() {
		this.contextRunner.withPropertyValues("management.health.dingtalk.enabled=true").run((context) -> {
			this.deploys.failNext(1).withHttpStatus(503);
			assertThatExceptionOfType(DingTalkTransportException.class)
				.isThrownBy(() -> context.getBean(DingTalkRobots.class).get("deploys").sendText("lost"));
			Health health = health(context, "deploys");
			assertThat(health.getStatus()).isEqualTo(RobotHealthIndicator.UNREACHABLE);
			assertThat(health.getDetails()).doesNotContainKey("lastFailureErrcode");
		});
	}

	@Test
	void refusalsOnTheCallersSideLeaveTheRobotUp() {
		this.contextRunner
			.withPropertyValues("management.health.dingtalk.enabled=true",
					"dingtalk.robots.alerts.rate-limit.messages=1")
			.run((context) -> {
				DingTalkRobot alerts = context.getBean(DingTalkRobots.class).get("alerts");
				assertThatExceptionOfType(DingTalkMessageTooLargeException.class)
					.isThrownBy(() -> alerts.sendText("告".repeat(8_000)));
				alerts.sendText("delivered");
				assertThatExceptionOfType(DingTalkRateLimitedException.class)
					.isThrownBy(() -> alerts.sendText("over the robot's own limit"));
				Health health = health(context, "alerts");
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).doesNotContainKeys("lastFailure", "lastFailureErrcode", "reason");
			});
	}

	@Test
	void throttledOrUnreachableRobotsLeaveTheApplicationsHealthUpAndOutOfTheProbes() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(ApplicationAvailabilityAutoConfiguration.class,
					HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
					HealthEndpointAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class))
			.withPropertyValues("management.health.dingtalk.enabled=true",
					"management.endpoint.health.probes.enabled=true",
					"management.endpoint.health.show-components=always")
			.run((context) -> {
				AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
				AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
				DingTalkRobots robots = context.getBean(DingTalkRobots.class);
				this.dingtalk.failNext(1).withErrcode(130101);
				assertThatExceptionOfType(DingTalkRateLimitedException.class)
					.isThrownBy(() -> robots.get("alerts").sendText("too fast"));
				this.deploys.failNext(1).withHttpStatus(503);
				assertThatExceptionOfType(DingTalkTransportException.class)
					.isThrownBy(() -> robots.get("deploys").sendText("lost"));
				HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
				assertThat(endpoint.healthForPath("dingtalk", "alerts").getStatus())
					.isEqualTo(RobotHealthIndicator.THROTTLED);
				assertThat(endpoint.healthForPath("dingtalk", "deploys").getStatus())
					.isEqualTo(RobotHealthIndicator.UNREACHABLE);
				assertThat(endpoint.health().getStatus()).isEqualTo(Status.UP);
				assertThat(endpoint.healthForPath("liveness").getStatus()).isEqualTo(Status.UP);
				assertThat(endpoint.healthForPath("readiness").getStatus()).isEqualTo(Status.UP);
				assertThat(context.getBean(HealthEndpointGroups.class).get("readiness").isMember("dingtalk")).isFalse();
				assertThat(context.getBean(HealthEndpointGroups.class).get("liveness").isMember("dingtalk")).isFalse();
			});
	}

	@Test
	void healthDetailsRevealNoSecret() {
		this.contextRunner.withPropertyValues("management.health.dingtalk.enabled=true").run((context) -> {
			DingTalkRobots robots = context.getBean(DingTalkRobots.class);
			robots.get("alerts").sendText("delivered");
			assertThat(this.dingtalk.requests()).hasSize(1);
			String sign = this.dingtalk.requests().get(0).query().get("sign");
			this.deploys.failNext(1)
				.withBody(500, "text/plain", "failed for access_token=" + this.deploys.accessToken());
			assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> robots.get("deploys").sendText("lost"));
			for (String robot : new String[] { "alerts", "deploys" }) {
				Map<String, Object> details = health(context, robot).getDetails();
				assertThat(details).isNotEmpty();
				assertThat(details.toString()).doesNotContain(TOKEN, SECRET, sign, "sign=");
			}
		});
	}

	private Health health(AssertableApplicationContext context, String robot) {
		CompositeHealthContributor robots = context.getBean("dingtalkHealthContributor",
				CompositeHealthContributor.class);
		return ((HealthIndicator) robots.getContributor(robot)).health();
	}

}
