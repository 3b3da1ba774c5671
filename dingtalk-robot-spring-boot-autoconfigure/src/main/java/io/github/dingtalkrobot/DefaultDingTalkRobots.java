package io.github.dingtalkrobot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
	 * Close every robot, each on its own thread so that they all drain at the same time
	 * and closing takes no longer than the longest shutdown timeout.
	 */
	@Override
	public void close() {
		List<Thread> closing = new ArrayList<>();
		this.robots.values().forEach((robot) -> {
			Thread thread = new Thread(robot::close, "dingtalk-close-" + robot.name());
			thread.start();
			closing.add(thread);
		});
		for (Thread thread : closing) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	@Override
	public String toString() {
		return "DingTalkRobots " + this.robots.values();
	}

}
