package io.github.dingtalkrobot.logging;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DingTalkRobots;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * A Logback appender that posts errors to a DingTalk robot as Markdown alerts, through
 * the robot's {@link DingTalkRobot#sendAsync sendAsync}, so that the robot's rate limit,
 * coalescing, retries and shutdown apply.
 * <p>
 * {@link #doAppend Appending} never waits. Events with the same fingerprint (logger,
 * exception type, top application frame and message pattern) within the
 * {@link #setDedupWindow dedup window} make one alert at once and one summary with their
 * count when the window ends: the first is handed to the appender's own thread, and the
 * logging thread counts the repeats itself, without a lock. The appender holds at most
 * {@link #setBufferSize buffer size} fingerprints, waiting for its thread or within their
 * window; when it holds that many, an event with a new fingerprint is dropped and
 * counted, and the next alert says how many were dropped. Events of the starter's own
 * loggers ({@code io.github.dingtalkrobot}) and of the robots' threads never alert.
 * <p>
 * With Spring Boot, {@code dingtalk.logging.enabled=true} attaches one to the root
 * logger. In {@code logback-spring.xml}, name the robot and it is found once the
 * application's robots are {@link #bindRobots bound}: <pre class="code">
 * &lt;appender name="DINGTALK" class="io.github.dingtalkrobot.logging.DingTalkAppender"&gt;
 *     &lt;robot&gt;ops&lt;/robot&gt;
 *     &lt;mdcKeys&gt;traceId&lt;/mdcKeys&gt;
 * &lt;/appender&gt;</pre>
 *
 * @since 0.1.0
 */
public class DingTalkAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

	/**
	 * The marker that makes an event alert whatever its level.
	 */
	public static final Marker ALERT = MarkerFactory.getMarker("DINGTALK_ALERT");

	private static final String STARTER_LOGGERS = "io.github.dingtalkrobot";

	private static final String ROBOT_THREADS = "dingtalk-robot-";

	private static final String BINDING_KEY = DingTalkAppender.class.getName() + ".robots";

	private static final long FLUSH_TIMEOUT_SECONDS = 10;

	private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

	private @Nullable String robotName;

	private @Nullable DingTalkRobot robot;

	private Level level = Level.ERROR;

	private List<String> excludedLoggers = List.of();

	private Duration dedupWindow = Duration.ofMinutes(5);

	private List<String> mdcKeys = List.of();

	private int maxStackFrames = 15;

	private int bufferSize = 256;

	private @Nullable String applicationName;

	private Clock clock = Clock.systemDefaultZone();

	private @Nullable Rollups rollups;

	private @Nullable AlertDispatcher dispatcher;

	private @Nullable Thread dispatcherThread;

	private boolean robotMissingReported;

	/**
	 * Set the name of the robot that posts the alerts, looked up among the
	 * {@link #bindRobots bound} robots; the bound default robot when not set.
	 * @param robotName the robot's name
	 */
	public void setRobot(@Nullable String robotName) {
		this.robotName = robotName;
	}

	/**
	 * Set the robot that posts the alerts, instead of {@link #setRobot naming} one.
	 * @param robot the robot
	 */
	public void setDingTalkRobot(@Nullable DingTalkRobot robot) {
		this.robot = robot;
	}

	/**
	 * Set the lowest level that alerts; {@code ERROR} unless set.
	 * @param level the level's name
	 */
	public void setLevel(String level) {
		this.level = Level.toLevel(level, Level.ERROR);
	}

	/**
	 * Set the logger name prefixes that never alert, separated by commas.
	 * @param excludeLoggers the prefixes
	 */
	public void setExcludeLoggers(String excludeLoggers) {
		this.excludedLoggers = split(excludeLoggers);
	}

	/**
	 * Set how long events with the same fingerprint roll up into one alert and one
	 * summary: {@code 5m} unless set. Accepts {@code 300ms}, {@code 30s}, {@code 5m},
	 * {@code 1h}, {@code 1d} or ISO-8601 ({@code PT5M}).
	 * @param dedupWindow the window
	 */
	public void setDedupWindow(String dedupWindow) {
		this.dedupWindow = parseDuration(dedupWindow);
	}

	/**
	 * Set the MDC keys whose values are shown in alerts, separated by commas; none unless
	 * set.
	 * @param mdcKeys the keys
	 */
	public void setMdcKeys(String mdcKeys) {
		this.mdcKeys = split(mdcKeys);
	}

	/**
	 * Set how many stack frames of each exception in the chain an alert shows; 15 unless
	 * set.
	 * @param maxStackFrames the number of frames
	 */
	public void setMaxStackFrames(int maxStackFrames) {
		this.maxStackFrames = maxStackFrames;
	}

	/**
	 * Set how many distinct fingerprints the appender holds, waiting for its thread or
	 * within their dedup window; beyond that events with a new fingerprint are dropped
	 * and counted, while repeats of those it holds are still counted. 256 unless set.
	 * @param bufferSize the buffer's capacity
	 */
	public void setBufferSize(int bufferSize) {
		this.bufferSize = bufferSize;
	}

	/**
	 * Set the application name shown in alerts, such as {@code spring.application.name}.
	 * @param applicationName the name
	 */
	public void setApplicationName(@Nullable String applicationName) {
		this.applicationName = applicationName;
	}

	/**
	 * Set the clock that times events and dedup windows; its zone is the zone of the
	 * times shown in alerts. The system clock in the default zone unless set.
	 * @param clock the clock
	 */
	public void setClock(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void start() {
		if (isStarted()) {
			return;
		}
		if (this.bufferSize < 1 || this.maxStackFrames < 0 || this.dedupWindow.isNegative()) {
			addError("DingTalkAppender '" + getName() + "' needs a bufferSize of at least 1, "
					+ "a maxStackFrames and a dedupWindow that are not negative");
			return;
		}
		Rollups rollups = new Rollups(this.bufferSize, this.dedupWindow.toMillis());
		AlertFormatter formatter = new AlertFormatter(this.applicationName, host(), zone(), this.dedupWindow,
				this.mdcKeys, this.maxStackFrames);
		AlertDispatcher dispatcher = new AlertDispatcher(rollups, this.bufferSize, formatter, this.clock,
				this.dedupWindow.toMillis(), this::resolveRobot, this);
		Thread thread = new Thread(dispatcher, "dingtalk-alerts-" + getName());
		thread.setDaemon(true);
		this.rollups = rollups;
		this.dispatcher = dispatcher;
		this.dispatcherThread = thread;
		thread.start();
		super.start();
	}

	@Override
	public void stop() {
		if (!isStarted()) {
			return;
		}
		super.stop();
		AlertDispatcher dispatcher = this.dispatcher;
		Thread thread = this.dispatcherThread;
		if (dispatcher != null && thread != null) {
			dispatcher.stop();
			try {
				thread.join(TimeUnit.SECONDS.toMillis(FLUSH_TIMEOUT_SECONDS));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	protected void append(ILoggingEvent event) {
		Rollups rollups = this.rollups;
		if (rollups != null && alerts(event)) {
			rollups.record(event, this.clock.millis());
		}
	}

	/**
	 * Hand every alert and summary that the appender holds to the robot, waiting at most
	 * ten seconds. Summaries of windows that have not ended yet are sent with the counts
	 * so far.
	 */
	public void flush() {
		AlertDispatcher dispatcher = this.dispatcher;
		if (dispatcher == null || !isStarted()) {
			return;
		}
		try {
			dispatcher.requestFlush().get(FLUSH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			addWarn("DingTalkAppender '" + getName() + "' could not flush its alerts", ex);
		}
	}

	private boolean alerts(ILoggingEvent event) {
		if (!event.getLevel().isGreaterOrEqual(this.level) && !hasAlertMarker(event)) {
			return false;
		}
		String logger = event.getLoggerName();
		if (logger.startsWith(STARTER_LOGGERS)) {
			return false;
		}
		for (String prefix : this.excludedLoggers) {
			if (logger.startsWith(prefix)) {
				return false;
			}
		}
		Thread current = Thread.currentThread();
		return current != this.dispatcherThread && !current.getName().startsWith(ROBOT_THREADS);
	}

	private static boolean hasAlertMarker(ILoggingEvent event) {
		List<Marker> markers = event.getMarkerList();
		if (markers == null) {
			return false;
		}
		for (Marker marker : markers) {
			if (marker.contains(ALERT)) {
				return true;
			}
		}
		return false;
	}

	private @Nullable DingTalkRobot resolveRobot() {
		if (this.robot != null) {
			return this.robot;
		}
		RobotBinding binding = (RobotBinding) getContext().getObject(BINDING_KEY);
		DingTalkRobot robot = (binding != null) ? binding.find(this.robotName) : null;
		if (binding != null && robot == null && !this.robotMissingReported) {
			this.robotMissingReported = true;
			addError("DingTalkAppender '" + getName() + "' found no robot "
					+ ((this.robotName != null) ? "named '" + this.robotName + "'" : "to use by default") + " among "
					+ binding.robots().names() + ": set <robot> to one of them");
		}
		return robot;
	}

	private @Nullable String host() {
		return getContext().getProperty(CoreConstants.HOSTNAME_KEY);
	}

	private ZoneId zone() {
		return this.clock.getZone();
	}

	/**
	 * Make robots available to the {@code DingTalkAppender}s of a Logback context, for
	 * those that {@link #setRobot name} their robot, as in {@code logback-spring.xml}.
	 * The auto-configuration does this for the application's robots.
	 * @param context the Logback context
	 * @param robots the robots
	 * @param defaultRobot the name of the robot for appenders that name none, if any
	 */
	public static void bindRobots(LoggerContext context, DingTalkRobots robots, @Nullable String defaultRobot) {
		context.putObject(BINDING_KEY, new RobotBinding(robots, defaultRobot));
	}

	/**
	 * {@link #flush() Flush} the {@code DingTalkAppender}s of a Logback context and take
	 * back the robots {@link #bindRobots bound} to it, before the robots are closed.
	 * @param context the Logback context
	 */
	public static void unbindRobots(LoggerContext context) {
		for (Logger logger : context.getLoggerList()) {
			for (Iterator<Appender<ILoggingEvent>> appenders = logger.iteratorForAppenders(); appenders.hasNext();) {
				if (appenders.next() instanceof DingTalkAppender appender) {
					appender.flush();
				}
			}
		}
		context.removeObject(BINDING_KEY);
	}

	private static Duration parseDuration(String value) {
		String text = value.trim();
		if (text.startsWith("P") || text.startsWith("p")) {
			return Duration.parse(text);
		}
		Matcher matcher = SIMPLE_DURATION.matcher(text);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("'" + value + "' is not a duration such as 30s, 5m or PT5M");
		}
		long amount = Long.parseLong(matcher.group(1));
		return switch ((matcher.group(2) != null) ? matcher.group(2) : "ms") {
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			case "d" -> Duration.ofDays(amount);
			default -> Duration.ofMillis(amount);
		};
	}

	private static List<String> split(String values) {
		List<String> result = new ArrayList<>();
		for (String value : values.split(",")) {
			if (!value.isBlank()) {
				result.add(value.trim());
			}
		}
		return List.copyOf(result);
	}

}
