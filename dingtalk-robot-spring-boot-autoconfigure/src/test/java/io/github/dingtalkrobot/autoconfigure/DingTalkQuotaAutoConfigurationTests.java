package io.github.dingtalkrobot.autoconfigure;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

import io.github.dingtalkrobot.DingTalkRobots;
import io.github.dingtalkrobot.autoconfigure.actuate.endpoint.DingTalkEndpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DingTalkQuotaAutoConfiguration}.
 */
class DingTalkQuotaAutoConfigurationTests {

	private static final Clock LAST_DAY_OF_NOVEMBER_IN_CHINA = Clock.fixed(Instant.parse("2025-11-30T12:00:00Z"),
			ZoneOffset.UTC);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(DingTalkRobotAutoConfiguration.class, DingTalkQuotaAutoConfiguration.class))
		.withPropertyValues("dingtalk.robots.ops.access-token=token-ops")
		.withBean(Clock.class, () -> LAST_DAY_OF_NOVEMBER_IN_CHINA);

	@Test
	void callsAreNotCountedWithoutAMonthlyQuota() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(DingTalkQuota.class);
			assertThat(context).doesNotHaveBean(DingTalkRobotCustomizer.class);
		});
	}

	@Test
	void gaugeShowsTheCallsOfTheMonth() {
		this.contextRunner.withPropertyValues("dingtalk.quota.monthly-calls=5000").run((context) -> {
			DingTalkQuota quota = context.getBean(DingTalkQuota.class);
			MeterRegistry registry = new SimpleMeterRegistry();
			context.getBean(MeterBinder.class).bindTo(registry);
			quota.recordCall();
			quota.recordCall();
			assertThat(registry.get("dingtalk.quota.used").gauge().value()).isEqualTo(2);
			assertThat(quota.monthlyCalls()).isEqualTo(5000);
			assertThat(quota.warnAtPercent()).isEqualTo(80);
		});
	}

	@Test
	void endpointShowsTheQuota() {
		this.contextRunner.withPropertyValues("dingtalk.quota.monthly-calls=5000", "dingtalk.quota.warn-at=90%")
			.run((context) -> {
				DingTalkQuota quota = context.getBean(DingTalkQuota.class);
				quota.recordCall();
				DingTalkEndpoint endpoint = new DingTalkEndpoint(context.getBean(DingTalkRobots.class),
						context.getBean(DingTalkRobotProperties.class), quota);
				assertThat(endpoint.robots().quota())
					.isEqualTo(new DingTalkEndpoint.QuotaDescriptor("2025-11", 1, 5000, 90));
			});
	}

	@Test
	void sharedCounterReplacesTheInMemoryOne() {
		DingTalkQuotaCounter shared = new DingTalkQuotaCounter() {

			@Override
			public long increment(YearMonth month) {
				return 4242;
			}

			@Override
			public long get(YearMonth month) {
				return 4242;
			}

		};
		this.contextRunner.withPropertyValues("dingtalk.quota.monthly-calls=5000")
			.withBean(DingTalkQuotaCounter.class, () -> shared)
			.run((context) -> assertThat(context.getBean(DingTalkQuota.class).used()).isEqualTo(4242));
	}

}
