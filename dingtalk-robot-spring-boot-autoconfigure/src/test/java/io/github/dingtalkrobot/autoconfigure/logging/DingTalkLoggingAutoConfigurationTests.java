package io.github.dingtalkrobot.autoconfigure.logging;

import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import io.github.dingtalkrobot.autoconfigure.DingTalkRobotAutoConfiguration;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.emulator.RecordedRequest;
import io.github.dingtalkrobot.logging.DingTalkAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link DingTalkLoggingAutoConfiguration}.
 */
class DingTalkLoggingAutoConfigurationTests {

	private final DingTalkEmulator emulator = DingTalkEmulator.builder().build().start();

	private final EmulatedRobot ops = this.emulator.registerRobot("ops", "token-ops");

	private final EmulatedRobot dev = this.emulator.registerRobot("dev", "token-dev");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(DingTalkRobotAutoConfiguration.class, DingTalkLoggingAutoConfiguration.class))
		.withPropertyValues("dingtalk.robots.ops.webhook=" + this.ops.webhook(),
				"dingtalk.robots.ops.delivery.coalesce=false");

	private final Appender<ILoggingEvent> console = rootLogger().getAppender("CONSOLE");

	// The tests log errors on purpose: keep them off the build's console
	@BeforeEach
	void detachConsole() {
		rootLogger().detachAppender(this.console);
	}

	@AfterEach
	void close() {
		rootLogger().addAppender(this.console);
		this.emulator.close();
	}

	@Test
	void enabledIsAllItTakesToPostErrors() {
		this.contextRunner.withPropertyValues("dingtalk.logging.enabled=true", "spring.application.name=orders")
			.run((context) -> {
				assertThat(rootLogger().getAppender("DINGTALK")).isInstanceOf(DingTalkAppender.class);
				LoggerFactory.getLogger("com.example.orders").error("Order {} failed", 42);
				RecordedRequest alert = awaitMessages(this.ops, 1).get(0);
				assertThat(alert.text()).startsWith("#### ERROR in orders").contains("> Order 42 failed");
			});
		assertThat(rootLogger().getAppender("DINGTALK")).isNull();
	}

	@Test
	void appenderIsNotAttachedUnlessEnabled() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(LogbackRobotBinding.class)
				.doesNotHaveBean(RootLoggerDingTalkAppender.class);
			assertThat(rootLogger().getAppender("DINGTALK")).isNull();
		});
	}

	@Test
	void propertiesConfigureTheAppender() {
		this.contextRunner
			.withPropertyValues("dingtalk.robots.dev.webhook=" + this.dev.webhook(), "dingtalk.robots.ops.primary=true",
					"dingtalk.logging.enabled=true", "dingtalk.logging.robot=dev", "dingtalk.logging.level=warn",
					"dingtalk.logging.exclude-loggers=com.example.noisy", "dingtalk.logging.mdc-keys=traceId",
					"dingtalk.logging.max-stack-frames=1", "dingtalk.logging.dedup-window=1h")
			.run((context) -> {
				LoggerFactory.getLogger("com.example.noisy.Poller").warn("Poll failed");
				MDC.put("traceId", "4bf92f35");
				try {
					LoggerFactory.getLogger("com.example.orders")
						.warn("Order late", new IllegalStateException("Warehouse slow"));
				}
				finally {
					MDC.clear();
				}
				String text = awaitMessages(this.dev, 1).get(0).text();
				assertThat(text).startsWith("#### WARN")
					.contains("- **traceId:** 4bf92f35", "> Order late")
					.doesNotContain("Poll failed");
				assertThat(text.lines().filter((line) -> line.startsWith("> at "))).hasSize(1);
				assertThat(this.ops.requests()).isEmpty();
			});
	}

	@Test
	void enabledWithoutAChosenRobotFailsStartup() {
		this.contextRunner
			.withPropertyValues("dingtalk.robots.dev.webhook=" + this.dev.webhook(), "dingtalk.logging.enabled=true")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("Set 'dingtalk.logging.robot' to the name of one, or mark one robot 'primary'"));
	}

	@Test
	void closingTheContextFlushesSummariesBeforeTheRobotsClose() {
		this.contextRunner.withPropertyValues("dingtalk.logging.enabled=true").run((context) -> {
			for (int i = 0; i < 3; i++) {
				LoggerFactory.getLogger("com.example.orders").error("Order {} failed", i);
			}
		});
		assertThat(this.ops.receivedMessages()).extracting(RecordedRequest::text)
			.satisfiesExactly((text) -> assertThat(text).contains("> Order 0 failed"),
					(text) -> assertThat(text).contains("**×3** in the last 5 minutes"));
	}

	@Test
	void appendersThatNameTheirRobotFindTheApplicationsRobots() {
		this.contextRunner.run((context) -> {
			Logger logger = loggerContext().getLogger("com.example.xml");
			logger.setAdditive(false);
			DingTalkAppender appender = new DingTalkAppender();
			appender.setContext(loggerContext());
			appender.setName("XML");
			appender.setRobot("ops");
			appender.start();
			logger.addAppender(appender);
			try {
				logger.error("Configured in logback-spring.xml");
				assertThat(awaitMessages(this.ops, 1).get(0).text()).contains("> Configured in logback-spring.xml");
			}
			finally {
				logger.detachAppender(appender);
				appender.stop();
				logger.setAdditive(true);
			}
		});
	}

	private static List<RecordedRequest> awaitMessages(EmulatedRobot robot, int count) {
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(robot.requests()).hasSize(count));
		return robot.receivedMessages();
	}

	private static LoggerContext loggerContext() {
		return (LoggerContext) LoggerFactory.getILoggerFactory();
	}

	private static Logger rootLogger() {
		return loggerContext().getLogger(Logger.ROOT_LOGGER_NAME);
	}

}
