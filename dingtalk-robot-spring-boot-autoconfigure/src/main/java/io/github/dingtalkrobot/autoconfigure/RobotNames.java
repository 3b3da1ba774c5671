package io.github.dingtalkrobot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Reads the names of the configured robots, and whether each is primary, straight from
 * the {@link Environment}: for use before the properties bean exists.
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
		return bindPrimaryFlags(environment).keySet();
	}

	/**
	 * Return the names of the configured robots that are app robots, with an {@code app}
	 * section.
	 * @param environment the environment
	 * @return the names of the app robots
	 */
	static Set<String> bindAppRobots(Environment environment) {
		Set<String> names = new LinkedHashSet<>();
		bindRobots(environment).forEach((name, settings) -> {
			if (settings instanceof Map<?, ?> map && map.get("app") instanceof Map<?, ?> app && !app.isEmpty()) {
				names.add(name);
			}
		});
		return names;
	}

	/**
	 * Return whether each configured robot is marked primary, keyed by robot name.
	 * @param environment the environment
	 * @return the primary flag of each robot
	 */
	static Map<String, Boolean> bindPrimaryFlags(Environment environment) {
		Map<String, Object> robots = bindRobots(environment);
		Map<String, Boolean> primaryFlags = new LinkedHashMap<>();
		robots.forEach((name, settings) -> primaryFlags.put(name,
				settings instanceof Map<?, ?> map && "true".equalsIgnoreCase(String.valueOf(map.get("primary")))));
		return primaryFlags;
	}

	private static Map<String, Object> bindRobots(Environment environment) {
		return Binder.get(environment).bind(DingTalkRobotProperties.PREFIX + ".robots", ROBOTS).orElseGet(Map::of);
	}

}
