package io.github.dingtalkrobot.autoconfigure.actuate.endpoint;

import io.github.dingtalkrobot.DingTalkRobots;
import io.github.dingtalkrobot.autoconfigure.DingTalkQuota;
import io.github.dingtalkrobot.autoconfigure.DingTalkQuotaAutoConfiguration;
import io.github.dingtalkrobot.autoconfigure.DingTalkRobotAutoConfiguration;
import io.github.dingtalkrobot.autoconfigure.DingTalkRobotProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the {@link DingTalkEndpoint
 * dingtalk} actuator endpoint, on Spring Boot 4 and 3.5 alike. Like any endpoint, it
 * applies once exposed, for example with
 * {@code management.endpoints.web.exposure.include=dingtalk}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { DingTalkRobotAutoConfiguration.class, DingTalkQuotaAutoConfiguration.class })
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class, DingTalkRobots.class })
@ConditionalOnBean({ DingTalkRobots.class, DingTalkRobotProperties.class })
public final class DingTalkEndpointAutoConfiguration {

	// On the method, so that its condition is only loaded once actuator is known to be
	// there
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint(DingTalkEndpoint.class)
	DingTalkEndpoint dingTalkEndpoint(DingTalkRobots robots, DingTalkRobotProperties properties,
			ObjectProvider<DingTalkQuota> quota) {
		return new DingTalkEndpoint(robots, properties, quota.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(DingTalkEndpoint.class)
	DingTalkEndpointWebExtension dingTalkEndpointWebExtension(DingTalkEndpoint endpoint, DingTalkRobots robots) {
		return new DingTalkEndpointWebExtension(endpoint, robots);
	}

}
