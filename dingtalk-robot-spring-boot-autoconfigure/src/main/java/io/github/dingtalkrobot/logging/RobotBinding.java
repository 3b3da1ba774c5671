package io.github.dingtalkrobot.logging;

import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DingTalkRobots;
import org.jspecify.annotations.Nullable;

/**
 * The robots that the appenders of a Logback context can post through, and the one they
 * use when they name none.
 *
 * @param robots the robots
 * @param defaultRobot the name of the robot to use when an appender names none
 */
record RobotBinding(DingTalkRobots robots, @Nullable String defaultRobot) {

	@Nullable DingTalkRobot find(@Nullable String name) {
		String robotName = (name != null) ? name : this.defaultRobot;
		return (robotName != null) ? this.robots.find(robotName).orElse(null) : null;
	}

}
