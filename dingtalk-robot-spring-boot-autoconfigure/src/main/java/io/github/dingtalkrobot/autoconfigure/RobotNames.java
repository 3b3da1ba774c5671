package io.github.dingtalkrobot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Reads the names of the configured robots, and whether each is primary or an app robot,
 * straight from the {@link Environment}: for use before the properties bean exists.
 */
final class RobotNames {

	private static final Bindable<Map<String, Object>> ROBOTS = Bindable.mapOf(String.class, Object.class);

	private RobotNames() {
	}

	/**
	 * Return the configured robot names, in configuration order.
	 * @param environment the environment
	 * @return the robot names
	 */
	static Set<String> bind(Environment environment) {
		return bindRobots(environment).keySet();
	}

	/**
	 * Return the configured robots, in configuration order, each with whether it is
	 * marked primary and whether it is an app robot, with an {@code app} section: bound
	 * once, since binding costs startup time with every robot.
	 * @param environment the environment
	 * @return the robots, keyed by name
	 */
	static Map<String, RobotKind> bindRobotKinds(Environment environment) {
		Map<String, RobotKind> robots = new LinkedHashMap<>();
		bindRobots(environment).forEach((name, settings) -> robots.put(name, RobotKind.of(settings)));
		return robots;
	}

	private static Map<String, Object> bindRobots(Environment environment) {
		return Binder.get(environment).bind(DingTalkRobotProperties.PREFIX + ".robots", ROBOTS).orElseGet(Map::of);
	}

	/**
	 * What the bean registration needs to know of a robot before its properties are
	 * bound.
	 *
	 * @param primary whether the robot is marked primary
	 * @param app whether the robot is an app robot
	 */
	record RobotKind(boolean primary, boolean app) {

		static RobotKind of(Object settings) {
			if (!(settings instanceof Map<?, ?> map)) {
				return new RobotKind(false, false);
			}
			boolean primary = "true".equalsIgnoreCase(String.valueOf(map.get("primary")));
			boolean app = map.get("app") instanceof Map<?, ?> section && !section.isEmpty();
			return new RobotKind(primary, app);
		}

	}

}
