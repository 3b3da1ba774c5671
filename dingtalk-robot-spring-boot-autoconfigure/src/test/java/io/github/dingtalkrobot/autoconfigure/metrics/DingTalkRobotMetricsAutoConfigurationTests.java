package io.github.dingtalkrobot.autoconfigure.metrics;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import io.github.dingtalkrobot.DingTalkApiException;
import io.github.dingtalkrobot.DingTalkRateLimitedException;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DingTalkRobotListener;
import io.github.dingtalkrobot.DingTalkRobots;
import io.github.dingtalkrobot.DingTalkTransportException;
import io.github.dingtalkrobot.LoopbackServer;
import io.github.dingtalkrobot.autoconfigure.DingTalkRobotAutoConfiguration;
import io.github.dingtalkrobot.message.Message;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link DingTalkRobotMetricsAutoConfiguration}, with robots sending to a
 * server on loopback.
 */
class DingTalkRobotMetricsAutoConfigurationTests {

	private static final String TOKEN = "tok-metrics-5d1f0a";

	private static final String SECRET = "SECmetrics3e3e3e";

	@RegisterExtension
	final LoopbackServer server = new LoopbackServer();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkRobotAutoConfiguration.class,
				DingTalkRobotMetricsAutoConfiguration.class))
		.withPropertyValues("dingtalk.robots.ops.webhook=" + this.server.webhook(TOKEN),
				"dingtalk.robots.ops.delivery.retry.max-attempts=1");

	@Test
	void sendsAreTimedWithTheirOutcomeAndErrcode() {
		this.contextRunner.withUserConfiguration(MeterRegistryConfiguration.class).run((context) -> {
			DingTalkRobot robot = context.getBean(DingTalkRobots.class).get("ops");
			robot.sendText("delivered");
			this.server.answer(200, "application/json", "{\"errcode\":310000,\"errmsg\":\"sign not match\"}");
			assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> robot.sendMarkdown("t", "refused"));
			this.server.answer(500, "text/plain", "down");
			assertThatExceptionOfType(DingTalkTransportException.class).isThrownBy(() -> robot.sendText("lost"));
			this.server.answer(200, "application/json", "{\"errcode\":130101,\"errmsg\":\"send too fast\"}");
			assertThatExceptionOfType(DingTalkRateLimitedException.class).isThrownBy(() -> robot.sendText("fast"));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(sends(registry, "text", "success", "0")).isOne();
			assertThat(sends(registry, "markdown", "api-error", "310000")).isOne();
			assertThat(sends(registry, "text", "transport-error", "none")).isOne();
			assertThat(sends(registry, "text", "rate-limited", "130101")).isOne();
			assertThat(registry.get("dingtalk.robot.throttled")
				.tags("robot", "ops", "errcode", "130101")
				.counter()
				.count()).isOne();
		});
	}

	@Test
	void refusalByTheRobotsOwnRateLimitIsCountedWithoutAnErrcode() {
		this.contextRunner.withUserConfiguration(MeterRegistryConfiguration.class)
			.withPropertyValues("dingtalk.robots.ops.rate-limit.messages=1",
					"dingtalk.robots.ops.rate-limit.max-wait=0")
			.run((context) -> {
				DingTalkRobot robot = context.getBean(DingTalkRobots.class).get("ops");
				robot.sendText("delivered");
				assertThatExceptionOfType(DingTalkRateLimitedException.class).isThrownBy(() -> robot.sendText("fast"));
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("dingtalk.robot.undelivered")
					.tags("robot", "ops", "exception", "DingTalkRateLimitedException", "errcode", "none")
					.counter()
					.count()).isOne();
				assertThat(registry.getMeters()).flatExtracting((meter) -> meter.getId().getTags())
					.noneMatch((tag) -> tag.getKey().equals("errcode") && tag.getValue().equals("130101"));
				assertThat(registry.find("dingtalk.robot.throttled").counters()).isEmpty();
			});
	}

	@Test
	void queueDepthAndCoalescedMessagesAreMeasured() {
		CountDownLatch release = this.server.answerOnlyWhenReleased();
		this.contextRunner.withUserConfiguration(MeterRegistryConfiguration.class).run((context) -> {
			DingTalkRobot robot = context.getBean(DingTalkRobots.class).get("ops");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			CompletableFuture<?> first = robot.sendAsync(Message.text("first"));
			await().until(() -> this.server.requests().size() == 1);
			CompletableFuture<?> second = robot.sendAsync(Message.text("second"));
			CompletableFuture<?> third = robot.sendAsync(Message.text("third"));
			assertThat(registry.get("dingtalk.robot.queue.depth").tag("robot", "ops").gauge().value()).isEqualTo(3);
			release.countDown();
			CompletableFuture.allOf(first, second, third).join();
			// The listener hears of the merge once the futures are complete
			await()
				.untilAsserted(() -> assertThat(registry.find("dingtalk.robot.coalesced").tag("robot", "ops").counter())
					.isNotNull()
					.satisfies((coalesced) -> assertThat(coalesced.count()).isEqualTo(2)));
			assertThat(registry.get("dingtalk.robot.queue.depth").tag("robot", "ops").gauge().value()).isZero();
		});
	}

	@Test
	void meterTagsRevealNoSecret() {
		this.contextRunner.withUserConfiguration(MeterRegistryConfiguration.class)
			.withPropertyValues("dingtalk.robots.ops.secret=" + SECRET)
			.run((context) -> {
				DingTalkRobot robot = context.getBean(DingTalkRobots.class).get("ops");
				robot.sendText("delivered");
				String sign = this.server.onlyRequest().query().get("sign");
				this.server.answer(500, "text/plain", "failed for access_token=" + TOKEN);
				assertThatExceptionOfType(DingTalkTransportException.class).isThrownBy(() -> robot.sendText("lost"));
				this.server.answer(200, "application/json", "{\"errcode\":130101,\"errmsg\":\"send too fast\"}");
				assertThatExceptionOfType(DingTalkRateLimitedException.class).isThrownBy(() -> robot.sendText("fast"));
				List<String> ids = context.getBean(MeterRegistry.class)
					.getMeters()
					.stream()
					.map((meter) -> meter.getId().toString())
					.toList();
				assertThat(ids).hasSizeGreaterThanOrEqualTo(4)
					.allSatisfy((id) -> assertThat(id).doesNotContain(TOKEN, SECRET, sign, "sign="));
			});
	}

	@Test
	void withoutMeterRegistryNoMetricsAreConfigured() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(DingTalkRobots.class);
			assertThat(context).doesNotHaveBean(DingTalkRobotListener.class);
		});
	}

	@Test
	void withoutMicrometerRobotsStillWork() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run((context) -> {
			assertThat(context).doesNotHaveBean(DingTalkRobotListener.class);
			assertThat(context.getBean(DingTalkRobots.class).get("ops").sendText("hello").errcode()).isZero();
		});
	}

	private static long sends(MeterRegistry registry, String msgtype, String outcome, String errcode) {
		return registry.get("dingtalk.robot.sends")
			.tags("robot", "ops", "msgtype", msgtype, "outcome", outcome, "errcode", errcode)
			.timer()
			.count();
	}

	@Configuration(proxyBeanMethods = false)
	static class MeterRegistryConfiguration {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
