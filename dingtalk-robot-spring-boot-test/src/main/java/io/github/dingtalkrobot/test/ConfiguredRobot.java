package io.github.dingtalkrobot.test;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.dingtalkrobot.autoconfigure.DingTalkRobotProperties;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * A robot configured under {@code dingtalk.robots}, as a {@link DingTalkEmulator} needs
 * it: the access token, secret and keywords to register it with, and whether it is
 * addressed by a webhook or by an access token sent to {@code dingtalk.base-url}.
 *
 * @param name the robot's name
 * @param accessToken the robot's access token
 * @param secret the robot's signing secret, or {@code null}
 * @param keywords the robot's keywords
 * @param byWebhook whether the robot is configured with a webhook
 */
record ConfiguredRobot(String name, String accessToken, @Nullable String secret, List<String> keywords,
		boolean byWebhook) {

	private static final String ROBOTS = DingTalkRobotProperties.PREFIX + ".robots";

	/**
	 * Bind the robots configured in an environment, the same way the auto-configuration
	 * does.
	 * @param environment the environment
	 * @return the robots that have an access token, in configuration order
	 */
	static List<ConfiguredRobot> bindAll(Environment environment) {
		return Binder.get(environment)
			.bind(ROBOTS, Bindable.mapOf(String.class, DingTalkRobotProperties.Robot.class))
			.orElseGet(Map::of)
			.entrySet()
			.stream()
			.map((entry) -> of(entry.getKey(), entry.getValue()))
			.filter(Objects::nonNull)
			.toList();
	}

	// A robot without a usable address is left out and left alone: the
	// auto-configuration then stops the application, naming the property to fix
	private static @Nullable ConfiguredRobot of(String name, DingTalkRobotProperties.Robot robot) {
		String secret = StringUtils.hasText(robot.getSecret()) ? robot.getSecret() : null;
		List<String> keywords = List.copyOf(robot.getKeywords());
		String webhook = robot.getWebhook();
		if (StringUtils.hasText(webhook)) {
			String accessToken = accessToken(webhook.strip());
			return (accessToken != null) ? new ConfiguredRobot(name, accessToken, secret, keywords, true) : null;
		}
		String accessToken = robot.getAccessToken();
		return StringUtils.hasText(accessToken)
				? new ConfiguredRobot(name, accessToken.strip(), secret, keywords, false) : null;
	}

	private static @Nullable String accessToken(String webhook) {
		try {
			String query = new URI(webhook).getRawQuery();
			String token = null;
			for (String parameter : (query != null) ? query.split("&") : new String[0]) {
				if (parameter.startsWith("access_token=")) {
					if (token != null) {
						return null;
					}
					token = URLDecoder.decode(parameter.substring("access_token=".length()), StandardCharsets.UTF_8);
				}
			}
			return StringUtils.hasText(token) ? token : null;
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Register the robot with an emulator.
	 * @param emulator the emulator
	 * @throws IllegalStateException if the emulator refuses the robot
	 */
	void registerWith(DingTalkEmulator emulator) {
		try {
			emulator.registerRobot(this.name, this.accessToken)
				.secret(this.secret)
				.keywords(this.keywords.toArray(String[]::new));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("DingTalk robot '" + this.name + "' configured under '" + ROBOTS
					+ "' cannot be emulated: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Return the property that holds the robot's webhook.
	 * @return the property name
	 */
	String webhookProperty() {
		return ROBOTS + "." + this.name + ".webhook";
	}

	@Override
	public String toString() {
		return "ConfiguredRobot[name=" + this.name + ", signed=" + (this.secret != null) + ", keywords=" + this.keywords
				+ ", byWebhook=" + this.byWebhook + "]";
	}

}
