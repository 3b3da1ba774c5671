package io.github.dingtalkrobot.autoconfigure.actuate.health;

import io.github.dingtalkrobot.DingTalkRobots;
import io.github.dingtalkrobot.autoconfigure.DingTalkRobotAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Import;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the health of DingTalk robots,
 * one component per robot under {@code dingtalk}. Off unless
 * {@code management.health.dingtalk.enabled=true}: a robot's health only reflects the
 * messages it sent, and it never sends one to check. Spring Boot 4 only: on Spring Boot
 * 3.5, whose health API lives elsewhere, it backs off.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = DingTalkRobotAutoConfiguration.class)
// By name, and with the beans in an imported class, so that on Spring Boot 3.5 nothing
// here refers to a type that is missing there
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthContributor")
@ConditionalOnBooleanProperty("management.health.dingtalk.enabled")
@ConditionalOnBean(DingTalkRobots.class)
@Import(RobotHealthContributorConfiguration.class)
public final class DingTalkHealthContributorAutoConfiguration {

}
