package io.github.dingtalkrobot.autoconfigure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import io.github.dingtalkrobot.DingTalkException;
import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DingTalkRobots;
import io.github.dingtalkrobot.autoconfigure.actuate.endpoint.DingTalkEndpoint;
import io.github.dingtalkrobot.autoconfigure.actuate.endpoint.DingTalkEndpointAutoConfiguration;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests that no secret reaches the log with every logger at TRACE level, as with
 * {@code logging.level.root=TRACE}: at startup, on every failure path and in the
 * {@code dingtalk} endpoint. Only the JDK's own {@code jdk.internal.httpclient.debug} and
 * {@code com.sun.net.httpserver} loggers are held at INFO: they print URLs when raised,
 * as the README says. What is logged is kept in memory, not printed.
 */
class DingTalkRobotTraceLoggingTests {

	private static final String TOKEN = "tok-trace-3f9a1c7e";

	private static final String OTHER_TOKEN = "tok-trace-b52d08aa";

	private static final String SECRET = "SECtrace0c4e9b1d7a";

	private static final List<String> HELD_AT_INFO = List.of("jdk.internal.httpclient.debug", "com.sun.net.httpserver");

	@AutoClose
	final DingTalkEmulator emulator = DingTalkEmulator.builder().build().start();

	private final EmulatedRobot alerts = this.emulator.registerRobot("alerts", TOKEN);

	private final EmulatedRobot deploys = this.emulator.registerRobot("deploys", OTHER_TOKEN);

	private final LoggerContext loggerContext = (LoggerContext) LoggerFactory.getILoggerFactory();

	private final Logger root = this.loggerContext.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

	private final Map<Logger, Level> levels = new HashMap<>();

	private final List<Appender<ILoggingEvent>> consoleAppenders = new ArrayList<>();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(DingTalkRobotAutoConfiguration.class, DingTalkEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=dingtalk",
				"dingtalk.base-url=" + this.emulator.baseUrl(),
				"dingtalk.robots.alerts.webhook=" + this.alerts.webhook() + "&timestamp=1&sign=old",
				"dingtalk.robots.alerts.secret=" + SECRET, "dingtalk.robots.alerts.delivery.retry.max-attempts=1",
				"dingtalk.robots.deploys.access-token=" + OTHER_TOKEN, "dingtalk.robots.deploys.rate-limit.messages=1",
				"dingtalk.robots.deploys.rate-limit.max-wait=0");

	@BeforeEach
	void traceEverythingIntoMemory() {
		this.loggerContext.getLoggerList().forEach((logger) -> this.levels.put(logger, logger.getLevel()));
		unsetLevelsBelowRoot();
		this.root.setLevel(Level.TRACE);
		HELD_AT_INFO.forEach((name) -> this.loggerContext.getLogger(name).setLevel(Level.INFO));
		this.root.iteratorForAppenders().forEachRemaining(this.consoleAppenders::add);
		this.consoleAppenders.forEach(this.root::detachAppender);
		this.captured.setContext(this.loggerContext);
		this.captured.start();
		this.root.addAppender(this.captured);
	}

	@AfterEach
	void restoreLogging() {
		this.root.detachAppender(this.captured);
		this.consoleAppenders.forEach(this.root::addAppender);
		unsetLevelsBelowRoot();
		this.levels.forEach(Logger::setLevel);
	}

	private void unsetLevelsBelowRoot() {
		this.loggerContext.getLoggerList()
			.stream()
			.filter((logger) -> logger != this.root)
			.forEach((logger) -> logger.setLevel(null));
	}

	@Test
	void startupSendingFailuresAndTheEndpointLogNoSecret() {
		this.contextRunner.run((context) -> {
			DingTalkRobots robots = context.getBean(DingTalkRobots.class);
			DingTalkRobot alerts = robots.get("alerts");
			DingTalkRobot deploys = robots.get("deploys");
			alerts.sendText("delivered");
			assertThat(this.alerts.requests()).hasSize(1);
			String sign = this.alerts.requests().get(0).query().get("sign");
			deploys.sendText("delivered");
			sendFails(deploys, "over the robot's own limit");
			sendFails(alerts, "告".repeat(7_000));
			CompletableFuture<DingTalkResponse> undelivered = alerts.sendAsync(Message.text("告".repeat(7_000)));
			await().until(undelivered::isDone);
			this.alerts.failNext(1).withErrcode(310000, "sign " + TOKEN);
			sendFails(alerts, "refused");
			this.alerts.failNext(1).withBody(500, "text/plain", "failed for access_token=" + TOKEN);
			sendFails(alerts, "lost");
			this.alerts.failNext(1).withBody(200, "text/html", "<html>" + TOKEN + "</html>");
			sendFails(alerts, "not json");
			// Last: the robot pauses after it
			this.alerts.failNext(1).withErrcode(130101);
			sendFails(alerts, "throttled");
			DingTalkEndpoint endpoint = context.getBean(DingTalkEndpoint.class);
			assertThat(endpoint.robots().robots()).hasSize(2);
			assertThat(endpoint.robot("alerts")).isNotNull();
			alerts.close();
			assertThat(loggedText()).doesNotContain(TOKEN, OTHER_TOKEN, SECRET, sign);
		});
		assertThat(this.captured.list).filteredOn((event) -> event.getLevel() == Level.TRACE).isNotEmpty();
		assertThat(loggedText()).contains("Undelivered message of DingTalk robot 'alerts'")
			.doesNotContain(TOKEN, OTHER_TOKEN, SECRET);
	}

	@Test
	void failedStartupLogsNoSecret() {
		this.contextRunner
			.withPropertyValues("dingtalk.robots.alerts.webhook=ftp://127.0.0.1/send?access_token=" + TOKEN)
			.run((context) -> {
				assertThat(context).hasFailed();
				StringBuilder failure = new StringBuilder();
				for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
					failure.append(cause).append('\n');
				}
				assertThat(failure).contains("dingtalk.robots.alerts.webhook").doesNotContain(TOKEN, SECRET);
			});
		assertThat(this.captured.list).isNotEmpty();
		assertThat(loggedText()).doesNotContain(TOKEN, OTHER_TOKEN, SECRET);
	}

	private static void sendFails(DingTalkRobot robot, String text) {
		assertThatExceptionOfType(DingTalkException.class).isThrownBy(() -> robot.sendText(text));
	}

	private String loggedText() {
		StringBuilder text = new StringBuilder();
		for (ILoggingEvent event : List.copyOf(this.captured.list)) {
			text.append(event.getLoggerName()).append(' ').append(event.getFormattedMessage()).append('\n');
			if (event.getThrowableProxy() != null) {
				text.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
			}
		}
		return text.toString();
	}

}
