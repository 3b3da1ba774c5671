package io.github.dingtalkrobot.sample.emulator;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.dingtalkrobot.autoconfigure.DingTalkRobotProperties;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Sends the messages of every robot that has neither a webhook nor an access token to a
 * DingTalk emulator embedded in the application, so that the sample runs without a
 * DingTalk account. The emulator checks what DingTalk would: a robot whose {@code secret}
 * property is present must sign its requests (with a generated secret when the property
 * is empty), and a robot with {@code keywords} must use one. The emulator is the
 * {@code embeddedDingTalkEmulator} bean and stops with the application.
 */
class EmbeddedDingTalkEmulatorInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String EMULATOR_BEAN_NAME = "embeddedDingTalkEmulator";

	private static final Log logger = LogFactory.getLog(EmbeddedDingTalkEmulatorInitializer.class);

	private final SecureRandom random = new SecureRandom();

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		Map<String, DingTalkRobotProperties.Robot> robots = robotsWithoutAddress(environment);
		if (robots.isEmpty()) {
			return;
		}
		DingTalkEmulator emulator = DingTalkEmulator.builder().build().start();
		closeWithContext(context, emulator);
		Map<String, Object> properties = new LinkedHashMap<>();
		robots.forEach((name, robot) -> {
			String prefix = DingTalkRobotProperties.PREFIX + ".robots." + name + ".";
			EmulatedRobot emulated = emulator.registerRobot(name, randomHex())
				.keywords(robot.getKeywords().toArray(String[]::new));
			properties.put(prefix + "webhook", emulated.webhook());
			if (robot.getSecret() != null) {
				String secret = StringUtils.hasText(robot.getSecret()) ? robot.getSecret() : "SEC" + randomHex();
				emulated.secret(secret);
				properties.put(prefix + "secret", secret);
			}
			logger.info("No DingTalk webhook configured for robot '" + name
					+ "': sending to the embedded DingTalk emulator at " + emulator.baseUrl()
					+ "; see GET /emulator/messages. Set '" + prefix + "webhook' to send to DingTalk.");
		});
		environment.getPropertySources().addFirst(new MapPropertySource(EMULATOR_BEAN_NAME, properties));
	}

	private static Map<String, DingTalkRobotProperties.Robot> robotsWithoutAddress(
			ConfigurableEnvironment environment) {
		DingTalkRobotProperties properties = Binder.get(environment)
			.bind(DingTalkRobotProperties.PREFIX, DingTalkRobotProperties.class)
			.orElseGet(DingTalkRobotProperties::new);
		Map<String, DingTalkRobotProperties.Robot> robots = new LinkedHashMap<>(properties.getRobots());
		robots.values()
			.removeIf(
					(robot) -> StringUtils.hasText(robot.getWebhook()) || StringUtils.hasText(robot.getAccessToken()));
		return robots;
	}

	private static void closeWithContext(ConfigurableApplicationContext context, DingTalkEmulator emulator) {
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		beanFactory.registerSingleton(EMULATOR_BEAN_NAME, emulator);
		// Disposable beans are destroyed when the context closes, and also when it fails
		// to refresh, which no close event reports
		((DefaultListableBeanFactory) beanFactory).registerDisposableBean(EMULATOR_BEAN_NAME, emulator::close);
	}

	private String randomHex() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
