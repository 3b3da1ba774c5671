package io.github.dingtalkrobot;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link DingTalkRobots} backed by a map of the robots by name.
 */
final class DefaultDingTalkRobots implements DingTalkRobots {

	private final Map<String, DingTalkRobot> robots;

	DefaultDingTalkRobots(Collection<DingTalkRobot> robots) {
		Map<String, DingTalkRobot> byName = new LinkedHashMap<>();
		for (DingTalkRobot robot : robots) {
			if (byName.putIfAbsent(robot.name(), robot) != null) {
				throw new IllegalArgumentException("Two DingTalk robots are named '" + robot.name() + "'");
			}
		}
		this.robots = Collections.unmodifiableMap(byName);
	}

	@Override
	public DingTalkRobot get(String name) {
		return find(name).orElseThrow(() -> new NoSuchDingTalkRobotException(name, names()));
	}

	@Override
	public Optional<DingTalkRobot> find(String name) {
		return Optional.ofNullable(this.robots.get(name));
	}

	@Override
	public Set<String> names() {
		return this.robots.keySet();
	}

	/**
	 * Close every robot, letting them all drain at the same time so that closing takes no
	 * longer than the longest shutdown timeout.
	 */
	@Override
	public void close() {
		this.robots.values().forEach((robot) -> {
			if (robot instanceof DefaultDingTalkRobot defaultRobot) {
				defaultRobot.beginClose();
			}
		});
		this.robots.values().forEach(DingTalkRobot::close);
	}

	@Override
	public String toString() {
		return "DingTalkRobots " + this.robots.values();
	}

}
