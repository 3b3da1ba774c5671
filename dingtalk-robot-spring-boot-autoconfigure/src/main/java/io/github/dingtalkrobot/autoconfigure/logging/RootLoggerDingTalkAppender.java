package io.github.dingtalkrobot.autoconfigure.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.logging.DingTalkAppender;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;

/**
 * A {@link DingTalkAppender} configured from {@link DingTalkLoggingProperties} and
 * attached to the root logger while the application runs. It is detached and stopped,
 * which flushes it, before its robot closes.
 */
class RootLoggerDingTalkAppender implements DisposableBean {

	static final String APPENDER_NAME = "DINGTALK";

	private final Logger rootLogger;

	private final DingTalkAppender appender = new DingTalkAppender();

	RootLoggerDingTalkAppender(LoggerContext loggerContext, DingTalkLoggingProperties properties, DingTalkRobot robot,
			@Nullable String applicationName) {
		this.appender.setContext(loggerContext);
		this.appender.setName(APPENDER_NAME);
		this.appender.setDingTalkRobot(robot);
		this.appender.setApplicationName(applicationName);
		this.appender.setLevel(properties.getLevel().name());
		this.appender.setExcludeLoggers(String.join(",", properties.getExcludeLoggers()));
		this.appender.setDedupWindow(properties.getDedupWindow().toString());
		this.appender.setMdcKeys(String.join(",", properties.getMdcKeys()));
		this.appender.setMaxStackFrames(properties.getMaxStackFrames());
		this.appender.setBufferSize(properties.getBufferSize());
		this.appender.start();
		this.rootLogger = loggerContext.getLogger(Logger.ROOT_LOGGER_NAME);
		this.rootLogger.addAppender(this.appender);
	}

	@Override
	public void destroy() {
		this.rootLogger.detachAppender(this.appender);
		this.appender.stop();
	}

}
