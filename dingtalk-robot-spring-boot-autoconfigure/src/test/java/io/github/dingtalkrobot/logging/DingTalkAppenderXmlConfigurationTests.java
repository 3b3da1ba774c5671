package io.github.dingtalkrobot.logging;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import io.github.dingtalkrobot.DeliverySettings;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DingTalkRobots;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.emulator.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link DingTalkAppender} configured from a Logback XML file that names its
 * robot, as in {@code logback-spring.xml}.
 */
class DingTalkAppenderXmlConfigurationTests {

	private static final String CONFIGURATION = """
			<configuration>
				<appender name="DINGTALK" class="io.github.dingtalkrobot.logging.DingTalkAppender">
					<robot>ops</robot>
					<level>WARN</level>
					<excludeLoggers>com.example.noisy</excludeLoggers>
					<dedupWindow>1m</dedupWindow>
					<mdcKeys>traceId</mdcKeys>
					<maxStackFrames>2</maxStackFrames>
					<applicationName>orders</applicationName>
				</appender>
				<root level="INFO">
					<appender-ref ref="DINGTALK"/>
				</root>
			</configuration>
			""";

	private final DingTalkEmulator emulator = DingTalkEmulator.builder().build().start();

	private final EmulatedRobot ops = this.emulator.registerRobot("ops", "token-ops");

	private final EmulatedRobot dev = this.emulator.registerRobot("dev", "token-dev");

	private final DingTalkRobots robots = DingTalkRobots.of(List.of(robot(this.dev), robot(this.ops)));

	private final LoggerContext loggerContext = new LoggerContext();

	@BeforeEach
	void configure() throws JoranException {
		this.loggerContext.setMDCAdapter(MDC.getMDCAdapter());
		JoranConfigurator configurator = new JoranConfigurator();
		configurator.setContext(this.loggerContext);
		configurator.doConfigure(new ByteArrayInputStream(CONFIGURATION.getBytes(StandardCharsets.UTF_8)));
	}

	@AfterEach
	void close() {
		this.loggerContext.stop();
		this.robots.close();
		this.emulator.close();
	}

	@Test
	void alertsWaitForTheNamedRobotToBeBound() {
		MDC.put("traceId", "4bf92f35");
		try {
			this.loggerContext.getLogger("com.example.noisy.Poller").warn("Poll failed");
			this.loggerContext.getLogger("com.example.orders").info("Order received");
			this.loggerContext.getLogger("com.example.orders")
				.warn("Order late", new IllegalStateException("Warehouse slow"));
		}
		finally {
			MDC.clear();
		}
		DingTalkAppender.bindRobots(this.loggerContext, this.robots, "dev");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.ops.requests()).hasSize(1));
		String text = this.ops.receivedMessages().get(0).text();
		assertThat(text).startsWith("#### WARN in orders")
			.contains("- **traceId:** 4bf92f35", "> Order late", "> java.lang.IllegalStateException: Warehouse slow");
		assertThat(text.lines().filter((line) -> line.startsWith("> at "))).hasSize(2);
		assertThat(this.dev.requests()).isEmpty();
	}

	@Test
	void unbindingFlushesTheSummaries() {
		DingTalkAppender.bindRobots(this.loggerContext, this.robots, null);
		for (int i = 0; i < 3; i++) {
			this.loggerContext.getLogger("com.example.orders").warn("Order {} late", i);
		}
		DingTalkAppender.unbindRobots(this.loggerContext);
		this.robots.close();
		assertThat(this.ops.receivedMessages()).extracting(RecordedRequest::text)
			.satisfiesExactly((text) -> assertThat(text).contains("> Order 0 late"),
					(text) -> assertThat(text).contains("**×3** in the last minute"));
	}

	private DingTalkRobot robot(EmulatedRobot robot) {
		return DingTalkRobot.builder(robot.name())
			.webhook(robot.webhook())
			.delivery(DeliverySettings.defaults().withCoalesce(false))
			.build();
	}

}
