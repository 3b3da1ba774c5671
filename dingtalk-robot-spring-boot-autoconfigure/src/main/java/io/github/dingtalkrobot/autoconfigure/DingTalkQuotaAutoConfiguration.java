package io.github.dingtalkrobot.autoconfigure;

import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the {@link DingTalkQuota}, when
 * {@code dingtalk.quota.monthly-calls} is set: every robot's requests are counted, a
 * gauge {@code dingtalk.quota.used} shows the calls of the month when Micrometer is
 * present, and the {@code dingtalk} endpoint shows the quota.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = DingTalkRobotAutoConfiguration.class)
@ConditionalOnClass(RestClient.class)
@ConditionalOnProperty(prefix = DingTalkQuotaProperties.PREFIX, name = "monthly-calls")
@EnableConfigurationProperties(DingTalkQuotaProperties.class)
public final class DingTalkQuotaAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DingTalkQuotaCounter dingTalkQuotaCounter() {
		return new InMemoryQuotaCounter();
	}

	@Bean
	@ConditionalOnMissingBean
	DingTalkQuota dingTalkQuota(DingTalkQuotaProperties properties, DingTalkQuotaCounter counter,
			ObjectProvider<Clock> clock) {
		Long monthlyCalls = properties.getMonthlyCalls();
		Assert.state(monthlyCalls != null, "'dingtalk.quota.monthly-calls' must be set");
		return new DingTalkQuota(monthlyCalls, properties.warnAtPercent(), clock.getIfAvailable(Clock::systemUTC),
				counter);
	}

	@Bean
	DingTalkRobotCustomizer dingTalkQuotaCustomizer(DingTalkQuota quota) {
		return (robotName, builder) -> builder.requestInterceptor(new QuotaCountingInterceptor(quota));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class QuotaMetricsConfiguration {

		@Bean
		MeterBinder dingTalkQuotaMeterBinder(DingTalkQuota quota) {
			return (registry) -> Gauge.builder("dingtalk.quota.used", quota, DingTalkQuota::used)
				.description("API calls to DingTalk in the current month, in China's time zone")
				.baseUnit("calls")
				.register(registry);
		}

	}

}
