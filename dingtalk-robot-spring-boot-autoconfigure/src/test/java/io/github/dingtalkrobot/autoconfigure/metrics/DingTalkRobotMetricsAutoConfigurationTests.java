package io.github.dingtalkrobot.autoconfigure.metrics;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.dingtalkrobot.DingTalkApiException;
import io.github.dingtalkrobot.DingTalkRateLimitedException;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DingTalkRobotListener;
import io.github.dingtalkrobot.DingTalkRobots;
import io.github.dingtalkrobot.DingTalkTransportException;
import io.github.dingtalkrobot.autoconfigure.DingTalkRobotAutoConfiguration;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.message.Message;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link DingTalkRobotMetricsAutoConfiguration}, with robots sending to the
 * emulator.
 */
class DingTalkRobotMetricsAutoConfigurationTests {

	private static final String TOKEN = "tok-metrics-5d1f0a";

	private static final String SECRET = "SECmetrics3e3e3e";

	@AutoClose
	final DingTalkEmulator emulator = DingTalkEmulator.builder().build().start();

	private final EmulatedRobot dingtalk = this.emulator.registerRobot("ops", TOKEN);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkRobotAutoConfiguration.class,
				DingTalkRobotMetricsAutoConfiguration.class))
		.withPropertyValues("dingtalk.robots.ops.webhook=" + this.dingtalk.webhook(),
				"dingtalk.robots.ops.delivery.retry.max-attempts=1");

	@Test
	void sendsAreTimedWithTheirOutcomeAndErrcode() {
		this.contextRunner.withUserConfiguration(MeterRegistryConfiguration.class).run((context) -> {
			DingTalkRobot robot = context.getBean(DingTalkRobots.class).get("ops");
			robot.sendText("delivered");
			this.dingtalk.failNext(1).withErrcode(310000, "sign not match");
			assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> robot.sendMarkdown("t", "refused"));
			this.dingtalk.failNext(1).withBody(500, "text/plain", "down");
			assertThatExceptionOfType(DingTalkTransportException.class).isThrownBy(() -> robot.sendText("lost"));
			this.dingtalk.failNext(1).withErrcode(130101);
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
		CompletableFuture<Void> release = new CompletableFuture<>();
		this.dingtalk.failNext(Integer.MAX_VALUE).withAnswerHeldUntil(release);
		this.contextRunner.withUserConfiguration(MeterRegistryConfiguration.class).run((context) -> {
			DingTalkRobot robot = context.getBean(DingTalkRobots.class).get("ops");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			CompletableFuture<?> first = robot.sendAsync(Message.text("first"));
			await().until(() -> this.dingtalk.requests().size() == 1);
			CompletableFuture<?> second = robot.sendAsync(Message.text("second"));
			CompletableFuture<?> third = robot.sendAsync(Message.text("third"));
			assertThat(registry.get("dingtalk.robot.queue.depth").tag("robot", "ops").gauge().value()).isEqualTo(3);
			release.complete(null);
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
				this.dingtalk.secret(SECRET);
				DingTalkRobot robot = context.getBean(DingTalkRobots.class).get("ops");
				robot.sendText("delivered");
				assertThat(this.dingtalk.receivedMessages()).hasSize(1);
				String sign = this.dingtalk.requests().get(0).query().get("sign");
				this.dingtalk.failNext(1).withBody(500, "text/plain", "failed for access_token=" + TOKEN);
				assertThatExceptionOfType(DingTalkTransportException.class).isThrownBy(() -> robot.sendText("lost"));
				this.dingtalk.failNext(1).withErrcode(130101);
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
