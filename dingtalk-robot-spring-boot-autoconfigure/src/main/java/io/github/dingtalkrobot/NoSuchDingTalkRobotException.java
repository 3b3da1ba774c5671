package io.github.dingtalkrobot;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Thrown by {@link DingTalkRobots#get(String)} for a name that no robot has.
 *
 * @since 0.1.0
 */
public class NoSuchDingTalkRobotException extends DingTalkException {

	private final Set<String> knownNames;

	/**
	 * Create a new exception.
	 * @param robotName the name that was asked for
	 * @param knownNames the names of the robots there are
	 */
	public NoSuchDingTalkRobotException(String robotName, Set<String> knownNames) {
		super(robotName, message(robotName, knownNames), null);
		this.knownNames = Collections.unmodifiableSet(new LinkedHashSet<>(knownNames));
	}

	private static String message(String robotName, Set<String> knownNames) {
		String known = knownNames.isEmpty() ? "no robots are configured (dingtalk.robots.<name>)"
				: "known robots are " + String.join(", ", knownNames);
		return "No DingTalk robot named '" + robotName + "': " + known;
	}

	/**
	 * Return the names of the robots there are.
	 * @return the known names
	 */
	public Set<String> knownNames() {
		return this.knownNames;
	}

}
