package io.github.dingtalkrobot.autoconfigure.logging;

import ch.qos.logback.classic.LoggerContext;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DingTalkRobots;
import io.github.dingtalkrobot.autoconfigure.DingTalkRobotAutoConfiguration;
import io.github.dingtalkrobot.logging.DingTalkAppender;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for alerts from logs, when Logback
 * is the logging system: the application's robots are made available to every
 * {@link DingTalkAppender} of the Logback context, and with
 * {@code dingtalk.logging.enabled=true} one is attached to the root logger. Appenders are
 * flushed before the robots close.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = DingTalkRobotAutoConfiguration.class)
@ConditionalOnClass({ LoggerContext.class, DingTalkAppender.class })
@Conditional(OnLogbackLoggerContextCondition.class)
@ConditionalOnBean(DingTalkRobots.class)
@EnableConfigurationProperties(DingTalkLoggingProperties.class)
public final class DingTalkLoggingAutoConfiguration {

	@Bean
	LogbackRobotBinding dingTalkLogbackRobotBinding(DingTalkRobots robots, ObjectProvider<DingTalkRobot> robot) {
		DingTalkRobot defaultRobot = robot.getIfUnique();
		return new LogbackRobotBinding(loggerContext(), robots, (defaultRobot != null) ? defaultRobot.name() : null);
	}

	static LoggerContext loggerContext() {
		return (LoggerContext) LoggerFactory.getILoggerFactory();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "dingtalk.logging.enabled", havingValue = "true")
	static class RootLoggerAppenderConfiguration {

		@Bean
		RootLoggerDingTalkAppender dingTalkRootLoggerAppender(DingTalkLoggingProperties properties,
				DingTalkRobots robots, ObjectProvider<DingTalkRobot> robot, Environment environment) {
			return new RootLoggerDingTalkAppender(loggerContext(), properties, alertingRobot(properties, robots, robot),
					environment.getProperty("spring.application.name"));
		}

		private static DingTalkRobot alertingRobot(DingTalkLoggingProperties properties, DingTalkRobots robots,
				ObjectProvider<DingTalkRobot> robot) {
			String name = properties.getRobot();
			if (name != null) {
				return robots.get(name);
			}
			DingTalkRobot defaultRobot = robot.getIfUnique();
			if (defaultRobot == null) {
				throw new IllegalStateException("Property 'dingtalk.logging.enabled' is true but no robot was chosen "
						+ "to post the alerts among " + robots.names() + ". Set 'dingtalk.logging.robot' to the name "
						+ "of one, or mark one robot 'primary'.");
			}
			return defaultRobot;
		}

	}

}
