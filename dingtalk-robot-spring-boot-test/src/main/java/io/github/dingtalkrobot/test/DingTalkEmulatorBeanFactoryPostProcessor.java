package io.github.dingtalkrobot.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.dingtalkrobot.autoconfigure.DingTalkRobotProperties;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.log.LogMessage;

/**
 * Starts the {@link DingTalkEmulator} of an application context, registers every robot
 * configured under {@code dingtalk.robots} with it, and points the robots at it with a
 * property source that comes before all others. Runs once the context's configuration is
 * complete, before any robot is created.
 */
class DingTalkEmulatorBeanFactoryPostProcessor implements BeanFactoryPostProcessor {

	/**
	 * The name of the emulator's bean, and of the property source that points the robots
	 * at it.
	 */
	static final String EMULATOR_BEAN_NAME = "dingTalkEmulator";

	private static final Log logger = LogFactory.getLog(DingTalkEmulatorBeanFactoryPostProcessor.class);

	private final ConfigurableEnvironment environment;

	DingTalkEmulatorBeanFactoryPostProcessor(ConfigurableEnvironment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (!(beanFactory instanceof DefaultSingletonBeanRegistry singletons)) {
			throw new IllegalStateException("@AutoConfigureDingTalkEmulator needs a bean factory that can destroy "
					+ "the emulator, but the application context has a " + beanFactory.getClass().getName());
		}
		List<ConfiguredRobot> robots = ConfiguredRobot.bindAll(this.environment);
		DingTalkEmulator emulator = DingTalkEmulator.builder().build();
		// Before the emulator starts, so that a robot it refuses leaves nothing running
		robots.forEach((robot) -> robot.registerWith(emulator));
		emulator.start();
		// Destroyed with the other singletons when the context closes, and also when its
		// refresh fails, which publishes no event
		singletons.registerDisposableBean(EMULATOR_BEAN_NAME, emulator::close);
		beanFactory.registerSingleton(EMULATOR_BEAN_NAME, emulator);
		pointRobotsAt(emulator, robots);
	}

	private void pointRobotsAt(DingTalkEmulator emulator, List<ConfiguredRobot> robots) {
		Map<String, String> addresses = new LinkedHashMap<>();
		addresses.put(DingTalkRobotProperties.PREFIX + ".base-url", emulator.baseUrl());
		robots.stream()
			.filter(ConfiguredRobot::byWebhook)
			.forEach((robot) -> addresses.put(robot.webhookProperty(), emulator.robot(robot.name()).webhook()));
		TestPropertyValues.of(addresses).applyTo(this.environment, TestPropertyValues.Type.MAP, EMULATOR_BEAN_NAME);
		logger.debug(LogMessage.format("DingTalk robots %s send to the emulator at %s",
				robots.stream().map(ConfiguredRobot::name).toList(), emulator.baseUrl()));
	}

}
