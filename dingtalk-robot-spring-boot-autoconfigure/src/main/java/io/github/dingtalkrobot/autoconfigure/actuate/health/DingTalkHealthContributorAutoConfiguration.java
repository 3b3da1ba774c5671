package io.github.dingtalkrobot.autoconfigure.actuate.health;

import io.github.dingtalkrobot.DingTalkRobots;
import io.github.dingtalkrobot.autoconfigure.DingTalkRobotAutoConfiguration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the health of DingTalk robots,
 * one component per robot under {@code dingtalk}. Off unless
 * {@code management.health.dingtalk.enabled=true}: a robot's health only reflects the
 * messages it sent, and it never sends one to check. Spring Boot 4 only: on Spring Boot
 * 3.5, whose health API lives elsewhere, it logs once that it has no effect.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = DingTalkRobotAutoConfiguration.class)
@ConditionalOnBooleanProperty("management.health.dingtalk.enabled")
@ConditionalOnBean(DingTalkRobots.class)
public final class DingTalkHealthContributorAutoConfiguration {

	private static final String HEALTH_CONTRIBUTOR = "org.springframework.boot.health.contributor.HealthContributor";

	// By name, and with the beans in an imported class, so that on Spring Boot 3.5
	// nothing here refers to a type that is missing there
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = HEALTH_CONTRIBUTOR)
	@Import(RobotHealthContributorConfiguration.class)
	static class HealthContributorConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass(HEALTH_CONTRIBUTOR)
	static class MissingHealthModuleConfiguration {

		private static final Log logger = LogFactory.getLog(DingTalkHealthContributorAutoConfiguration.class);

		MissingHealthModuleConfiguration() {
			logger.warn("management.health.dingtalk.enabled=true has no effect: the health of DingTalk robots needs "
					+ "Spring Boot 4's health module (org.springframework.boot:spring-boot-health); on Spring Boot "
					+ "3.5, watch the robots through the 'dingtalk' endpoint or the dingtalk.robot.* metrics instead");
		}

	}

}
