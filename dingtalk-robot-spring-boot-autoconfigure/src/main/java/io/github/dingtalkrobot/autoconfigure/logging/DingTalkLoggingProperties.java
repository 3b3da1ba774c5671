package io.github.dingtalkrobot.autoconfigure.logging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.logging.LogLevel;

/**
 * Configuration properties for alerts from logs.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("dingtalk.logging")
public class DingTalkLoggingProperties {

	/**
	 * Whether to attach a DingTalk appender to the root logger, so that errors are posted
	 * to a robot without a logback.xml.
	 */
	private boolean enabled;

	/**
	 * Name of the robot that posts the alerts. When not set, the primary robot, or the
	 * only one.
	 */
	private @Nullable String robot;

	/**
	 * Lowest level of the log events that alert.
	 */
	private LogLevel level = LogLevel.ERROR;

	/**
	 * Logger name prefixes whose events never alert.
	 */
	private List<String> excludeLoggers = new ArrayList<>();

	/**
	 * How long events with the same fingerprint make one alert at once and one summary
	 * with their count, instead of one message each.
	 */
	private Duration dedupWindow = Duration.ofMinutes(5);

	/**
	 * MDC keys whose values are shown in the alerts.
	 */
	private List<String> mdcKeys = new ArrayList<>();

	/**
	 * Most stack frames shown for each exception of the chain in an alert.
	 */
	private int maxStackFrames = 15;

	/**
	 * How many distinct errors (fingerprints) the appender holds, waiting for its thread
	 * or within their dedup window; beyond that new errors are dropped, and the next
	 * alert says how many. Repeats of the errors it holds are always counted.
	 */
	private int bufferSize = 256;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getRobot() {
		return this.robot;
	}

	public void setRobot(@Nullable String robot) {
		this.robot = robot;
	}

	public LogLevel getLevel() {
		return this.level;
	}

	public void setLevel(LogLevel level) {
		this.level = level;
	}

	public List<String> getExcludeLoggers() {
		return this.excludeLoggers;
	}

	public void setExcludeLoggers(List<String> excludeLoggers) {
		this.excludeLoggers = excludeLoggers;
	}

	public Duration getDedupWindow() {
		return this.dedupWindow;
	}

	public void setDedupWindow(Duration dedupWindow) {
		this.dedupWindow = dedupWindow;
	}

	public List<String> getMdcKeys() {
		return this.mdcKeys;
	}

	public void setMdcKeys(List<String> mdcKeys) {
		this.mdcKeys = mdcKeys;
	}

	public int getMaxStackFrames() {
		return this.maxStackFrames;
	}

	public void setMaxStackFrames(int maxStackFrames) {
		this.maxStackFrames = maxStackFrames;
	}

	public int getBufferSize() {
		return this.bufferSize;
	}

	public void setBufferSize(int bufferSize) {
		this.bufferSize = bufferSize;
	}

}
