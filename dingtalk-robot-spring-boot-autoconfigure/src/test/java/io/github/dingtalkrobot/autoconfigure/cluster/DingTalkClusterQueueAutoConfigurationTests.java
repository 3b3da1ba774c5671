package io.github.dingtalkrobot.autoconfigure.cluster;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DingTalkStoreUnavailableException;
import io.github.dingtalkrobot.EmbeddedRedis;
import io.github.dingtalkrobot.autoconfigure.DingTalkRobotAutoConfiguration;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.emulator.RecordedRequest;
import io.github.dingtalkrobot.internal.cluster.RedisQueueStores;
import io.github.dingtalkrobot.message.Message;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DingTalkClusterQueueAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class DingTalkClusterQueueAutoConfigurationTests {

	private static final String TOKEN = "5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b";

	@RegisterExtension
	static final EmbeddedRedis redis = new EmbeddedRedis();

	@AutoClose
	final DingTalkEmulator emulator = DingTalkEmulator.builder().build().start();

	private final EmulatedRobot dingTalk = this.emulator.registerRobot("ops", TOKEN);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkRobotAutoConfiguration.class,
				DingTalkClusterAutoConfiguration.class, DingTalkClusterQueueAutoConfiguration.class))
		.withPropertyValues("spring.main.banner-mode=off", "dingtalk.robots.ops.access-token=" + TOKEN,
				"dingtalk.base-url=" + this.emulator.baseUrl(), "dingtalk.cluster.queue=redis");

	private final ApplicationContextRunner redisRunner = this.contextRunner
		.withPropertyValues("dingtalk.cluster.mode=redis")
		.withBean(RedisConnectionFactory.class, redis::connectionFactory);

	@Test
	void memoryQueueIsTheDefault() {
		this.redisRunner.withPropertyValues("dingtalk.cluster.queue=memory")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RedisQueueStores.class));
	}

	@Test
	void redisQueueWithoutRedisModeStopsStartupNamingBothProperties() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class)).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("dingtalk.cluster.queue=redis", "dingtalk.cluster.mode");
			assertThat(analysis.getAction()).contains("dingtalk.cluster.mode=redis", "dingtalk.cluster.queue=memory");
		});
	}

	@Test
	void zeroClaimAfterStopsStartupNamingTheProperty() {
		this.redisRunner.withPropertyValues("dingtalk.cluster.claim-after=0s")
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getDescription())
				.contains("dingtalk.cluster.claim-after"));
	}

	@Test
	void sendAsyncGoesThroughTheRobotsStreamInRedis() throws Exception {
		this.redisRunner.run((context) -> {
			assertThat(context).hasSingleBean(RedisQueueStores.class);
			CompletableFuture<DingTalkResponse> sent = context.getBean(DingTalkRobot.class)
				.sendAsync(Message.text("durable"));
			assertThat(sent.get().errcode()).isZero();
			assertThat(redis.template().keys("dingtalk:{*}:queue")).hasSize(1);
			assertThat(this.dingTalk.receivedMessages()).extracting(RecordedRequest::text).containsExactly("durable");
		});
	}

	@Test
	void endpointShowsTheQueueAndWhenItsMessagesAreClaimed() {
		this.redisRunner
			.withPropertyValues("management.endpoints.web.exposure.include=dingtalkcluster",
					"dingtalk.cluster.claim-after=45s")
			.run((context) -> {
				DingTalkClusterEndpoint.ClusterDescriptor cluster = context.getBean(DingTalkClusterEndpoint.class)
					.cluster();
				assertThat(cluster.queue()).isEqualTo("redis");
				assertThat(cluster.claimAfter()).isEqualTo(Duration.ofSeconds(45));
			});
	}

	@Test
	void sendAsyncWhileRedisIsDownFailsTheFutureNamingTheStore(CapturedOutput output) {
		this.redisRunner.run((context) -> {
			DingTalkRobot robot = context.getBean(DingTalkRobot.class);
			redis.stop();
			try {
				assertThat(robot.sendAsync(Message.text("lost?"))).failsWithin(Duration.ofSeconds(10))
					.withThrowableThat()
					.havingCause()
					.isInstanceOf(DingTalkStoreUnavailableException.class)
					.withMessageContaining("its queue store (Redis) could not be reached")
					.withMessageNotContaining(TOKEN);
			}
			finally {
				redis.start();
			}
			assertThat(output).contains("Undelivered message of DingTalk robot 'ops'").doesNotContain(TOKEN);
		});
	}

	private static FailureAnalysis analyze(Throwable failure) {
		FailureAnalysis analysis = new DingTalkClusterStoreMissingFailureAnalyzer().analyze(failure);
		assertThat(analysis).as("failure analysis of %s", failure).isNotNull();
		return analysis;
	}

}
