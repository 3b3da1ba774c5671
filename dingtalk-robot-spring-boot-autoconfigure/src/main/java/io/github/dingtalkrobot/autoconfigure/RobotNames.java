package io.github.dingtalkrobot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * Reads the names of the configured robots, and whether each is primary or an app robot,
 * straight from the {@link Environment}: for use before the properties bean exists. The
 * names come from the property names under {@code dingtalk.robots} as the binder of the
 * properties bean reads its map's keys, in one pass over each property source; binding
 * the robots as a map of maps instead walked every property once more for each robot.
 */
final class RobotNames {

	private static final ConfigurationPropertyName ROBOTS = ConfigurationPropertyName
		.of(DingTalkRobotProperties.PREFIX + ".robots");

	private static final int NAME = ROBOTS.getNumberOfElements();

	private RobotNames() {
	}

	/**
	 * Return the configured robot names, in configuration order.
	 * @param environment the environment
	 * @return the robot names
	 */
	static Set<String> names(Environment environment) {
		return kinds(environment).keySet();
	}

	/**
	 * Return the configured robots, in configuration order, each with whether it is
	 * marked primary and whether it is an app robot, with an {@code app} section.
	 * @param environment the environment
	 * @return the robots, keyed by name
	 */
	static Map<String, RobotKind> kinds(Environment environment) {
		Map<String, Boolean> apps = new LinkedHashMap<>();
		Map<String, Object> primaries = new LinkedHashMap<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.stream().filter(ROBOTS::isAncestorOf).forEach((name) -> {
					String robot = name.getElement(NAME, Form.ORIGINAL);
					String setting = (name.getNumberOfElements() > NAME + 1) ? name.getElement(NAME + 1, Form.UNIFORM)
							: "";
					boolean app = setting.equals("app") && name.getNumberOfElements() > NAME + 2;
					apps.merge(robot, app, Boolean::logicalOr);
					if (setting.equals("primary") && name.getNumberOfElements() == NAME + 2) {
						primaries.computeIfAbsent(robot, (key) -> valueOf(source, name));
					}
				});
			}
		}
		Map<String, RobotKind> robots = new LinkedHashMap<>();
		apps.forEach((robot, app) -> robots.put(robot,
				new RobotKind("true".equalsIgnoreCase(resolve(environment, primaries.get(robot))), app)));
		return robots;
	}

	private static Object valueOf(ConfigurationPropertySource source, ConfigurationPropertyName name) {
		ConfigurationProperty property = source.getConfigurationProperty(name);
		return (property != null) ? property.getValue() : "";
	}

	private static String resolve(Environment environment, @Nullable Object value) {
		return (value != null) ? environment.resolvePlaceholders(String.valueOf(value)) : "";
	}

	/**
	 * What the bean registration needs to know of a robot before its properties are
	 * bound.
	 *
	 * @param primary whether the robot is marked primary
	 * @param app whether the robot is an app robot
	 */
	record RobotKind(boolean primary, boolean app) {

	}

}
