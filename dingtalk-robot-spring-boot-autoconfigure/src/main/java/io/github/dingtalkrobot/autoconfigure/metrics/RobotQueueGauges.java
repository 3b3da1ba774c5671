package io.github.dingtalkrobot.autoconfigure.metrics;

import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DingTalkRobots;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Registers a gauge of each robot's queue depth. It waits until every singleton exists
 * because the robots are built with the metrics listener, which needs the registry first.
 */
class RobotQueueGauges implements SmartInitializingSingleton {

	static final String QUEUE_DEPTH = "dingtalk.robot.queue.depth";

	private final MeterRegistry meterRegistry;

	private final ObjectProvider<DingTalkRobots> robots;

	RobotQueueGauges(MeterRegistry meterRegistry, ObjectProvider<DingTalkRobots> robots) {
		this.meterRegistry = meterRegistry;
		this.robots = robots;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.robots.ifAvailable((robots) -> robots.names().forEach((name) -> register(robots.get(name))));
	}

	private void register(DingTalkRobot robot) {
		Gauge.builder(QUEUE_DEPTH, robot, (measured) -> measured.state().queueDepth())
			.description("Messages given to a robot's sendAsync that wait or are in flight")
			.baseUnit("messages")
			.tag("robot", robot.name())
			.register(this.meterRegistry);
	}

}
