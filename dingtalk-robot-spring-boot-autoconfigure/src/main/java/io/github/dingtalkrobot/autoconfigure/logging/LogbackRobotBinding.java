package io.github.dingtalkrobot.autoconfigure.logging;

import ch.qos.logback.classic.LoggerContext;
import io.github.dingtalkrobot.DingTalkRobots;
import io.github.dingtalkrobot.logging.DingTalkAppender;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;

/**
 * Makes the application's robots available to the {@link DingTalkAppender}s of the
 * Logback context, such as those of {@code logback-spring.xml}, for as long as the robots
 * live: it depends on them, so it is destroyed first and flushes the appenders while the
 * robots can still deliver.
 */
class LogbackRobotBinding implements DisposableBean {

	private final LoggerContext loggerContext;

	LogbackRobotBinding(LoggerContext loggerContext, DingTalkRobots robots, @Nullable String defaultRobot) {
		this.loggerContext = loggerContext;
		DingTalkAppender.bindRobots(loggerContext, robots, defaultRobot);
	}

	@Override
	public void destroy() {
		DingTalkAppender.unbindRobots(this.loggerContext);
	}

}
