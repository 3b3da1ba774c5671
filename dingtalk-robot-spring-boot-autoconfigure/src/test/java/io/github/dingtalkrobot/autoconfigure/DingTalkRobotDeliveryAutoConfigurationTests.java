package io.github.dingtalkrobot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.dingtalkrobot.DeliverySettings;
import io.github.dingtalkrobot.DingTalkApiException;
import io.github.dingtalkrobot.DingTalkQueueFullException;
import io.github.dingtalkrobot.DingTalkRateLimitedException;
import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DingTalkRobotClosedException;
import io.github.dingtalkrobot.DingTalkRobotListener;
import io.github.dingtalkrobot.DingTalkRobots;
import io.github.dingtalkrobot.RateLimit;
import io.github.dingtalkrobot.RetrySettings;
import io.github.dingtalkrobot.SendOutcome;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.message.Message;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the delivery settings, listeners, events and shutdown of the robots that
 * {@link DingTalkRobotAutoConfiguration} creates.
 */
@ExtendWith(OutputCaptureExtension.class)
class DingTalkRobotDeliveryAutoConfigurationTests {

	private static final String TOKEN = "tok-delivery-3f9e";

	private static final String SECRET = "SECdeliveryautoconfig0a1b2c";

	@AutoClose
	final DingTalkEmulator emulator = DingTalkEmulator.builder().build().start();

	private final EmulatedRobot dingtalk = this.emulator.registerRobot("ops", TOKEN);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkRobotAutoConfiguration.class));

	@Test
	void rateLimitPropertiesLimitTheRobot() {
		this.contextRunner.withPropertyValues(robot("ops"))
			.withPropertyValues("dingtalk.robots.ops.rate-limit.messages=2", "dingtalk.robots.ops.rate-limit.window=1h",
					"dingtalk.robots.ops.rate-limit.max-wait=0s")
			.run((context) -> {
				DingTalkRobot robot = context.getBean(DingTalkRobots.class).get("ops");
				robot.sendText("one");
				robot.sendText("two");
				assertThatExceptionOfType(DingTalkRateLimitedException.class).isThrownBy(() -> robot.sendText("three"))
					.withMessageContaining("rate limit of 2 messages per 1h");
				assertThat(this.dingtalk.requests()).hasSize(2);
			});
	}

	@Test
	void deliveryPropertiesConfigureTheQueueAndRetries() {
		this.dingtalk.failNext(2).withHttpStatus(503);
		this.contextRunner.withPropertyValues(robot("ops"))
			.withPropertyValues("dingtalk.robots.ops.delivery.queue-capacity=1",
					"dingtalk.robots.ops.delivery.retry.max-attempts=2",
					"dingtalk.robots.ops.delivery.retry.initial-backoff=1ms",
					"dingtalk.robots.ops.delivery.retry.max-backoff=1ms")
			.run((context) -> {
				DingTalkRobot robot = context.getBean(DingTalkRobots.class).get("ops");
				CompletableFuture<DingTalkResponse> first = robot.sendAsync(Message.text("first"));
				CompletableFuture<DingTalkResponse> second = robot.sendAsync(Message.text("second"));
				assertThat(second).failsWithin(Duration.ZERO)
					.withThrowableThat()
					.withCauseInstanceOf(DingTalkQueueFullException.class);
				await().until(first::isDone);
				assertThat(first).isCompletedExceptionally();
				assertThat(this.dingtalk.requests()).hasSize(2);
			});
	}

	@Test
	void listenerBeansListenToEveryRobot() {
		this.contextRunner.withPropertyValues(robot("ops"))
			.withPropertyValues(
					"dingtalk.robots.team.access-token="
							+ this.emulator.registerRobot("team", TOKEN + "-team").accessToken(),
					"dingtalk.base-url=" + this.emulator.baseUrl())
			.withUserConfiguration(ListenerConfiguration.class)
			.run((context) -> {
				DingTalkRobots robots = context.getBean(DingTalkRobots.class);
				robots.get("ops").sendText("one");
				robots.get("team").sendText("two");
				assertThat(context.getBean(ListenerConfiguration.class).sends).containsExactly("ops SUCCESS",
						"team SUCCESS");
			});
	}

	@Test
	void messageGivenUpOnIsPublishedAsAnEventWithoutSecrets() {
		this.dingtalk.failNext(1).withErrcode(300001, "token is not exist");
		this.contextRunner.withPropertyValues(robot("ops"))
			.withUserConfiguration(EventConfiguration.class)
			.run((context) -> {
				DingTalkRobot robot = context.getBean(DingTalkRobots.class).get("ops");
				robot.sendAsync(Message.text("lost alert"));
				List<DingTalkDeliveryFailedEvent> events = context.getBean(EventConfiguration.class).events;
				await().until(() -> !events.isEmpty());
				DingTalkDeliveryFailedEvent event = events.get(0);
				assertThat(event.robotName()).isEqualTo("ops");
				assertThat(event.message()).isEqualTo(Message.text("lost alert"));
				assertThat(event.exception()).isInstanceOf(DingTalkApiException.class)
					.hasMessageContaining("300001")
					.hasMessageNotContaining(TOKEN);
				assertThat(event.toString()).doesNotContain(TOKEN).doesNotContain(SECRET);
			});
	}

	@Test
	void closingTheContextGivesUpOnWhatTheRobotsCouldNotDeliver(CapturedOutput output) {
		this.contextRunner.withPropertyValues(robot("ops"))
			.withPropertyValues("dingtalk.shutdown-timeout=0s", "dingtalk.robots.ops.rate-limit.messages=1")
			.withUserConfiguration(EventConfiguration.class)
			.run((context) -> {
				// The registry closes the robots, all at once, and only the registry
				assertThat(context.getBeanFactory().getBeanDefinition("dingTalkRobot.ops").getDestroyMethodName())
					.isEmpty();
				List<DingTalkDeliveryFailedEvent> events = context.getBean(EventConfiguration.class).events;
				DingTalkRobot robot = context.getBean(DingTalkRobots.class).get("ops");
				await().until(robot.sendAsync(Message.text("delivered"))::isDone);
				CompletableFuture<DingTalkResponse> waiting = robot.sendAsync(Message.text("still waiting"));
				context.close();
				assertThat(waiting).isCompletedExceptionally();
				assertThat(events).singleElement()
					.satisfies((event) -> assertThat(event.exception()).isInstanceOf(DingTalkRobotClosedException.class)
						.hasMessageContaining("closed before it could send"));
				assertThat(robot.sendAsync(Message.text("too late"))).isCompletedExceptionally();
			});
		assertThat(output).containsOnlyOnce("still waiting")
			.containsOnlyOnce("too late")
			.doesNotContain(TOKEN)
			.doesNotContain(SECRET);
		assertThat(this.dingtalk.requests()).hasSize(1);
	}

	private String[] robot(String name) {
		return new String[] { "dingtalk.robots." + name + ".webhook=" + this.dingtalk.webhook(),
				"dingtalk.robots." + name + ".secret=" + SECRET };
	}

	@Configuration(proxyBeanMethods = false)
	static class ListenerConfiguration {

		final List<String> sends = new CopyOnWriteArrayList<>();

		@Bean
		DingTalkRobotListener recordingListener() {
			return new DingTalkRobotListener() {

				@Override
				public void onSend(String robotName, String msgtype, SendOutcome outcome, @Nullable Integer errcode,
						Duration duration) {
					ListenerConfiguration.this.sends.add(robotName + " " + outcome);
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EventConfiguration {

		final List<DingTalkDeliveryFailedEvent> events = new CopyOnWriteArrayList<>();

		@Bean
		ApplicationListener<DingTalkDeliveryFailedEvent> deliveryFailures() {
			return this.events::add;
		}

	}

}
