package io.github.dingtalkrobot.autoconfigure.cluster;

import java.time.Duration;

import io.github.dingtalkrobot.DingTalkRateLimitedException;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DingTalkStoreUnavailableException;
import io.github.dingtalkrobot.EmbeddedRedis;
import io.github.dingtalkrobot.autoconfigure.DingTalkQuota;
import io.github.dingtalkrobot.autoconfigure.DingTalkQuotaAutoConfiguration;
import io.github.dingtalkrobot.autoconfigure.DingTalkRobotAutoConfiguration;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.internal.cluster.RedisSlotStores;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DingTalkClusterAutoConfiguration}.
 */
class DingTalkClusterAutoConfigurationTests {

	private static final String TOKEN = "9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0";

	@RegisterExtension
	static final EmbeddedRedis redis = new EmbeddedRedis();

	@AutoClose
	final DingTalkEmulator emulator = DingTalkEmulator.builder().build().start();

	private final EmulatedRobot dingTalk = this.emulator.registerRobot("ops", TOKEN);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(DingTalkRobotAutoConfiguration.class, DingTalkClusterAutoConfiguration.class))
		.withPropertyValues("spring.main.banner-mode=off", "dingtalk.robots.ops.access-token=" + TOKEN,
				"dingtalk.base-url=" + this.emulator.baseUrl());

	private final ApplicationContextRunner redisRunner = this.contextRunner
		.withPropertyValues("dingtalk.cluster.mode=redis")
		.withBean(RedisConnectionFactory.class, redis::connectionFactory);

	@Test
	void localModeIsTheDefaultAndNeedsNoRedis() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(RedisSlotStores.class)
				.hasSingleBean(DingTalkRobot.class));
	}

	@Test
	void redisModeWithoutSpringDataRedisStopsStartupNamingTheDependency() {
		this.contextRunner.withPropertyValues("dingtalk.cluster.mode=redis")
			.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("Spring Data Redis is not on the class path");
				assertThat(analysis.getAction()).contains("org.springframework.boot:spring-boot-starter-data-redis");
			});
	}

	@Test
	void redisModeWithoutConnectionFactoryStopsStartupWithAnAction() {
		this.contextRunner.withPropertyValues("dingtalk.cluster.mode=redis").run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("no single RedisConnectionFactory");
			assertThat(analysis.getAction()).contains("spring-boot-starter-data-redis", "dingtalk.cluster.mode=local");
		});
	}

	@Test
	void zeroExpectedReplicasStopsStartupNamingTheProperty() {
		this.redisRunner.withPropertyValues("dingtalk.cluster.expected-replicas=0")
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getDescription())
				.contains("dingtalk.cluster.expected-replicas"));
	}

	@Test
	void throttleAnsweredToOneReplicaPausesTheOther() {
		this.dingTalk.failNext(1).withErrcode(130101);
		this.redisRunner.run((first) -> this.redisRunner.run((second) -> {
			assertThatExceptionOfType(DingTalkRateLimitedException.class)
				.isThrownBy(() -> first.getBean(DingTalkRobot.class).sendText("alert"));
			assertThat(second.getBean(DingTalkRobot.class).state().pausedUntil()).isNotNull();
		}));
	}

	@Test
	void sendWhileRedisIsDownWaitsUpToTheMaxWaitThenNamesTheStore() {
		this.redisRunner.withPropertyValues("dingtalk.robots.ops.rate-limit.max-wait=300ms").run((context) -> {
			redis.stop();
			try {
				assertThatExceptionOfType(DingTalkStoreUnavailableException.class)
					.isThrownBy(() -> context.getBean(DingTalkRobot.class).sendText("alert"))
					.withMessageContaining("its rate limit store (Redis) could not be reached")
					.withMessageNotContaining(TOKEN)
					.satisfies((ex) -> assertThat(ex.store()).isEqualTo("Redis"));
				assertThat(this.dingTalk.requests()).isEmpty();
			}
			finally {
				redis.start();
			}
		});
	}

	@Test
	void monthlyCallsAreCountedInRedisForEveryReplica() {
		ApplicationContextRunner quotaRunner = this.redisRunner
			.withConfiguration(AutoConfigurations.of(DingTalkQuotaAutoConfiguration.class))
			.withPropertyValues("dingtalk.quota.monthly-calls=5000", "dingtalk.cluster.key-prefix=replicas");
		quotaRunner.run((first) -> quotaRunner.run((second) -> {
			first.getBean(DingTalkRobot.class).sendText("one");
			first.getBean(DingTalkRobot.class).sendText("two");
			second.getBean(DingTalkRobot.class).sendText("three");
			DingTalkQuota quota = first.getBean(DingTalkQuota.class);
			assertThat(quota.used()).isEqualTo(3);
			assertThat(second.getBean(DingTalkQuota.class).used()).isEqualTo(3);
			assertThat(redis.template().getExpire("replicas:quota:" + quota.month())).isPositive();
		}));
	}

	@Test
	void callsMadeWhileRedisIsDownAreCountedAndAddedToRedisWithTheNextCall() {
		this.redisRunner.withConfiguration(AutoConfigurations.of(DingTalkQuotaAutoConfiguration.class))
			.withPropertyValues("dingtalk.quota.monthly-calls=5000", "dingtalk.cluster.key-prefix=outage",
					"dingtalk.cluster.on-store-failure=local")
			.run((context) -> {
				DingTalkRobot robot = context.getBean(DingTalkRobot.class);
				DingTalkQuota quota = context.getBean(DingTalkQuota.class);
				robot.sendText("before");
				assertThat(quota.used()).isOne();
				redis.stop();
				try {
					robot.sendText("during");
					assertThat(quota.used()).isOne();
				}
				finally {
					redis.start();
				}
				// Redis came back without its data: what it never had is added now
				robot.sendText("after");
				assertThat(quota.used()).isEqualTo(2);
				assertThat(this.dingTalk.receivedMessages()).hasSize(3);
			});
	}

	@Test
	void gaugeAndEndpointShowWhetherRedisCanBeReached() {
		this.redisRunner.withPropertyValues("management.endpoints.web.exposure.include=dingtalkcluster")
			.run((context) -> {
				SimpleMeterRegistry registry = new SimpleMeterRegistry();
				context.getBean(StoreAvailabilityMeterBinder.class).bindTo(registry);
				context.getBean(DingTalkRobot.class).state();
				assertThat(registry.get(StoreAvailabilityMeterBinder.AVAILABLE).tag("store", "redis").gauge().value())
					.isEqualTo(1);
				DingTalkClusterEndpoint.ClusterDescriptor cluster = context.getBean(DingTalkClusterEndpoint.class)
					.cluster();
				assertThat(cluster.state()).isEqualTo("available");
				assertThat(cluster.onStoreFailure()).isEqualTo("wait");
				assertThat(cluster.queue()).isEqualTo("memory");
				assertThat(cluster.claimAfter()).isEqualTo(Duration.ofSeconds(30));
				redis.stop();
				try {
					context.getBean(DingTalkRobot.class).state();
					assertThat(registry.get(StoreAvailabilityMeterBinder.AVAILABLE).gauge().value()).isZero();
					cluster = context.getBean(DingTalkClusterEndpoint.class).cluster();
					assertThat(cluster.state()).isEqualTo("unavailable");
					assertThat(cluster.unavailableSince()).isNotNull();
				}
				finally {
					redis.start();
				}
			});
	}

	private static FailureAnalysis analyze(Throwable failure) {
		FailureAnalysis analysis = new DingTalkClusterStoreMissingFailureAnalyzer().analyze(failure);
		assertThat(analysis).as("failure analysis of %s", failure).isNotNull();
		return analysis;
	}

}
