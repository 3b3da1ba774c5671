package io.github.dingtalkrobot.autoconfigure.metrics;

import io.github.dingtalkrobot.DingTalkRobotListener;
import io.github.dingtalkrobot.DingTalkRobots;
import io.github.dingtalkrobot.autoconfigure.DingTalkRobotAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of Micrometer metrics for DingTalk
 * robots: a timer of the requests to DingTalk ({@code dingtalk.robot.sends}), a gauge of
 * each robot's queue ({@code dingtalk.robot.queue.depth}), and counters of throttles
 * ({@code dingtalk.robot.throttled}), of merged messages
 * ({@code dingtalk.robot.coalesced}) and of messages given up on
 * ({@code dingtalk.robot.undelivered}). Applies when the application has a
 * {@link MeterRegistry}, on Spring Boot 4 and 3.5 alike.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = DingTalkRobotAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, DingTalkRobots.class })
@ConditionalOnBean(MeterRegistry.class)
public final class DingTalkRobotMetricsAutoConfiguration {

	@Bean
	DingTalkRobotListener dingTalkRobotMetricsListener(MeterRegistry meterRegistry) {
		return new RobotMetricsListener(meterRegistry);
	}

	@Bean
	RobotQueueGauges dingTalkRobotQueueGauges(MeterRegistry meterRegistry, ObjectProvider<DingTalkRobots> robots) {
		return new RobotQueueGauges(meterRegistry, robots);
	}

}
