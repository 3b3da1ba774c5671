package io.github.dingtalkrobot.autoconfigure.actuate.health;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DingTalkRobots;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The health contributor of the robots: a component per robot, by name.
 */
@Configuration(proxyBeanMethods = false)
class RobotHealthContributorConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "dingtalkHealthContributor")
	HealthContributor dingtalkHealthContributor(DingTalkRobots robots) {
		Map<String, DingTalkRobot> byName = new LinkedHashMap<>();
		robots.names().stream().sorted().forEach((name) -> byName.put(name, robots.get(name)));
		return CompositeHealthContributor.fromMap(byName, RobotHealthIndicator::new);
	}

}
