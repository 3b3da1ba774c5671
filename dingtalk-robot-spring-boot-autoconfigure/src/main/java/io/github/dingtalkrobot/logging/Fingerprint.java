package io.github.dingtalkrobot.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import org.jspecify.annotations.Nullable;

/**
 * What makes two log events the same incident: the logger, the exception type, the top
 * application frame and the message pattern without its arguments. Events with one
 * fingerprint are rolled up into one alert and a summary.
 *
 * @param logger the logger name
 * @param exceptionType the class name of the logged exception, if any
 * @param topFrame the top frame of the exception's trace that is not in the JDK or a
 * framework, if any
 * @param pattern the message pattern, before its arguments are filled in
 */
record Fingerprint(String logger, @Nullable String exceptionType, @Nullable StackTraceElement topFrame,
		@Nullable String pattern) {

	private static final String[] FRAMEWORK_PACKAGES = { "java.", "javax.", "jdk.", "sun.", "com.sun.", "jakarta.",
			"org.springframework.", "org.apache.", "ch.qos.logback.", "org.slf4j.", "io.micrometer.", "kotlin." };

	static Fingerprint of(ILoggingEvent event) {
		IThrowableProxy throwable = event.getThrowableProxy();
		return new Fingerprint(event.getLoggerName(), (throwable != null) ? throwable.getClassName() : null,
				(throwable != null) ? topApplicationFrame(throwable) : null, event.getMessage());
	}

	private static @Nullable StackTraceElement topApplicationFrame(IThrowableProxy throwable) {
		StackTraceElementProxy[] frames = throwable.getStackTraceElementProxyArray();
		for (StackTraceElementProxy frame : frames) {
			if (!isFramework(frame.getStackTraceElement().getClassName())) {
				return frame.getStackTraceElement();
			}
		}
		return (frames.length > 0) ? frames[0].getStackTraceElement() : null;
	}

	private static boolean isFramework(String className) {
		for (String prefix : FRAMEWORK_PACKAGES) {
			if (className.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

}
