package io.github.dingtalkrobot;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * The robots of an application, by name. Closing the registry closes its robots.
 *
 * @since 0.1.0
 */
public interface DingTalkRobots extends AutoCloseable {

	/**
	 * Return the robot with the given name.
	 * @param name the robot's name
	 * @return the robot
	 * @throws NoSuchDingTalkRobotException if there is no robot with that name
	 */
	DingTalkRobot get(String name);

	/**
	 * Return the robot with the given name, if there is one.
	 * @param name the robot's name
	 * @return the robot, or an empty optional
	 */
	Optional<DingTalkRobot> find(String name);

	/**
	 * Return the names of all robots.
	 * @return the names, in the order the robots were given
	 */
	Set<String> names();

	/**
	 * Close every robot, so that each delivers what it holds within its shutdown timeout.
	 * @see DingTalkRobot#close()
	 */
	@Override
	default void close() {
		names().forEach((name) -> get(name).close());
	}

	/**
	 * Return the given robots by name.
	 * @param robots the robots
	 * @return the robots by name
	 * @throws IllegalArgumentException if two robots have the same name
	 */
	static DingTalkRobots of(Collection<DingTalkRobot> robots) {
		return new DefaultDingTalkRobots(robots);
	}

}
