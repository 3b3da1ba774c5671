package io.github.dingtalkrobot.logging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import ch.qos.logback.classic.LoggerContext;
import io.github.dingtalkrobot.DeliverySettings;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.emulator.MutableClock;
import io.github.dingtalkrobot.emulator.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link DingTalkAppender} in a Logback context of its own, posting through a
 * robot to the emulator.
 */
class DingTalkAppenderTests {

	private static final Instant NOW = Instant.parse("2026-12-01T04:00:00Z");

	private final MutableClock clock = new MutableClock(NOW, ZoneId.of("Asia/Shanghai"));

	private final DingTalkEmulator emulator = DingTalkEmulator.builder().clock(this.clock).build().start();

	private final EmulatedRobot ops = this.emulator.registerRobot("ops", "token-ops");

	private final DingTalkRobot robot = DingTalkRobot.builder("ops")
		.webhook(this.ops.webhook())
		.clock(this.clock)
		.delivery(DeliverySettings.defaults().withCoalesce(false))
		.build();

	private final LoggerContext loggerContext = new LoggerContext();

	private final DingTalkAppender appender = new DingTalkAppender();

	@BeforeEach
	void configureAppender() {
		this.loggerContext.putProperty("HOSTNAME", "app-host-1");
		this.loggerContext.setMDCAdapter(MDC.getMDCAdapter());
		this.appender.setContext(this.loggerContext);
		this.appender.setName("DINGTALK");
		this.appender.setDingTalkRobot(this.robot);
		this.appender.setClock(this.clock);
		this.appender.setApplicationName("orders");
	}

	@AfterEach
	void close() {
		this.appender.stop();
		this.robot.close();
		this.emulator.close();
		this.loggerContext.stop();
	}

	@Test
	void errorAlertsWithTheHeadTheMessageAndTheAllowedMdcEntries() {
		this.appender.setMdcKeys("traceId, tenant");
		start();
		MDC.put("traceId", "4bf92f35");
		MDC.put("password", "hunter2");
		try {
			logger("com.example.orders.OrderService").error("Order {} failed", 42);
		}
		finally {
			MDC.clear();
		}
		RecordedRequest alert = awaitMessages(1).get(0);
		assertThat(alert.msgtype()).isEqualTo("markdown");
		assertThat(alert.title()).isEqualTo("ERROR orders: Order 42 failed");
		assertThat(alert.text()).startsWith("#### ERROR in orders\n\n")
			.contains("- **Host:** app-host-1\n")
			.contains("- **Logger:** com.example.orders.OrderService\n")
			.contains("- **Thread:** " + Thread.currentThread().getName() + "\n")
			.contains("- **Time:** 2026-12-01 12:00:00.000 +08:00\n")
			.contains("- **traceId:** 4bf92f35\n")
			.contains("> Order 42 failed")
			.doesNotContain("tenant")
			.doesNotContain("hunter2");
	}

	@Test
	void eventsBelowTheLevelDoNotAlert() {
		this.appender.setLevel("WARN");
		start();
		logger("com.example.orders").info("Order 1 received");
		logger("com.example.orders").warn("Order 2 is late");
		logger("com.example.orders").error("Order 3 failed");
		assertThat(awaitMessages(2)).extracting(RecordedRequest::text)
			.satisfiesExactly((text) -> assertThat(text).contains("#### WARN").contains("> Order 2 is late"),
					(text) -> assertThat(text).contains("#### ERROR").contains("> Order 3 failed"));
	}

	@Test
	void excludedLoggersDoNotAlert() {
		this.appender.setExcludeLoggers("com.example.noisy, org.apache.kafka");
		start();
		logger("com.example.noisy.Poller").error("Poll failed");
		logger("org.apache.kafka.clients.NetworkClient").error("Connection lost");
		logger("com.example.orders").error("Order failed");
		assertThat(awaitMessages(1).get(0).text()).contains("> Order failed");
	}

	@Test
	void alertMarkerSendsAnEventBelowTheLevel() {
		start();
		logger("com.example.deploy").info(DingTalkAppender.ALERT, "Deployment {} finished", "v42");
		logger("com.example.deploy").info("Deployment v43 started");
		logger("com.example.orders").error("Order failed");
		assertThat(awaitMessages(2)).extracting(RecordedRequest::text)
			.satisfiesExactly((text) -> assertThat(text).contains("#### INFO").contains("> Deployment v42 finished"),
					(text) -> assertThat(text).contains("> Order failed"));
	}

	@Test
	void identicalErrorsWithinTheWindowMakeOneAlertAndOneSummaryEvenWithATinyBuffer() {
		this.appender.setBufferSize(4);
		start();
		for (int i = 0; i < 1000; i++) {
			failPayment(i);
		}
		logger("com.example.sentinel").error("All payments logged");
		assertThat(awaitMessages(2)).extracting(RecordedRequest::text)
			.satisfiesExactly((text) -> assertThat(text).contains("> Payment 0 failed"),
					(text) -> assertThat(text).contains("> All payments logged"));
		this.clock.advance(Duration.ofMinutes(5));
		RecordedRequest summary = awaitMessages(3).get(2);
		assertThat(summary.title()).startsWith("×1000 ERROR orders: Payment 0 failed");
		assertThat(summary.text()).contains(
				"**×1000** in the last 5 minutes, first 2026-12-01 12:00:00, last 2026-12-01 12:00:00",
				"- **Logger:** com.example.payments");
		this.clock.advance(Duration.ofMinutes(5));
		failPayment(1001);
		assertThat(awaitMessages(4).get(3).text()).contains("> Payment 1001 failed").doesNotContain("×");
	}

	@Test
	void repeatsLoggedByManyThreadsAreCountedExactlyPerFingerprint() throws InterruptedException {
		int kinds = 10;
		this.appender.setBufferSize(kinds);
		start();
		CountDownLatch ready = new CountDownLatch(1);
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			Thread thread = new Thread(() -> {
				awaitQuietly(ready);
				for (int i = 0; i < 250; i++) {
					logger("com.example.incident.Kind" + (i % kinds)).error("Request {} failed", i,
							new IllegalStateException("Dependency unavailable"));
				}
			});
			thread.start();
			threads.add(thread);
		}
		ready.countDown();
		for (Thread thread : threads) {
			thread.join();
		}
		awaitMessages(kinds);
		this.clock.advance(Duration.ofMinutes(5));
		List<String> summaries = awaitMessages(2 * kinds).subList(kinds, 2 * kinds)
			.stream()
			.map(RecordedRequest::text)
			.toList();
		assertThat(summaries).allSatisfy(
				(text) -> assertThat(text).contains("**×100** in the last 5 minutes").doesNotContain("Dropped"));
		assertThat(summaries).extracting((text) -> text.replaceAll("(?s).*- \\*\\*Logger:\\*\\* (\\S+).*", "$1"))
			.containsExactlyInAnyOrderElementsOf(
					IntStream.range(0, kinds).mapToObj((kind) -> "com.example.incident.Kind" + kind).toList());
	}

	@Test
	void errorsAfterTheWindowOpenANewRollupWhileTheEndedOneIsSummarized() {
		start();
		for (int i = 0; i < 3; i++) {
			failPayment(i);
		}
		awaitMessages(1);
		this.clock.advance(Duration.ofMinutes(5));
		failPayment(10);
		failPayment(11);
		this.appender.flush();
		List<RecordedRequest> messages = awaitMessages(4);
		assertThat(messages.get(0).text()).contains("> Payment 0 failed");
		assertThat(messages.subList(1, 4)).extracting(RecordedRequest::text)
			.satisfiesExactlyInAnyOrder((text) -> assertThat(text).contains("**×3**", "> Payment 0 failed"),
					(text) -> assertThat(text).contains("> Payment 10 failed").doesNotContain("×"),
					(text) -> assertThat(text).contains("**×2**", "> Payment 10 failed"));
	}

	@Test
	void distinctErrorsAreAlertedApart() {
		start();
		failPayment(1);
		logger("com.example.refunds").error("Payment {} failed", 2, new IllegalStateException("Card declined"));
		logger("com.example.payments").error("Payment {} failed", 3, new IllegalArgumentException("No card"));
		logger("com.example.payments").error("Payment {} timed out", 4, new IllegalStateException("Card declined"));
		failPayment(5);
		assertThat(awaitMessages(4)).extracting(RecordedRequest::text)
			.satisfiesExactly((text) -> assertThat(text).contains("> Payment 1 failed"),
					(text) -> assertThat(text).contains("> Payment 2 failed"),
					(text) -> assertThat(text).contains("> Payment 3 failed"),
					(text) -> assertThat(text).contains("> Payment 4 timed out"));
		this.appender.flush();
		assertThat(awaitMessages(5).get(4).text()).contains("**×2**");
	}

	@Test
	void stackTraceIsTrimmedToMaxStackFramesKeepingCausedByHeads() {
		this.appender.setMaxStackFrames(3);
		start();
		Exception failure = new IllegalStateException("Order failed",
				new UncheckedIOException("Disk full", nested(30, () -> new IOException("No space left on device"))));
		logger("com.example.orders").error("Order failed", failure);
		String text = awaitMessages(1).get(0).text();
		assertThat(text).contains("> java.lang.IllegalStateException: Order failed  \n")
			.contains("> Caused by: java.io.UncheckedIOException: Disk full  \n")
			.contains("> Caused by: java.io.IOException: No space left on device  \n");
		assertThat(text.lines().filter((line) -> line.startsWith("> at ")).count()).isLessThanOrEqualTo(9);
		assertThat(text).containsPattern("> \\.\\.\\. \\d+ more");
	}

	@Test
	void alertStaysUnderDingTalksSizeCuttingTheTraceNotTheHead() {
		this.appender.setMaxStackFrames(1000);
		start();
		Throwable failure = new IOException("x".repeat(3000));
		for (int i = 0; i < 20; i++) {
			failure = new IllegalStateException("Wrapped " + i + " " + "y".repeat(1000), failure);
		}
		Throwable deep = nested(500, () -> new IllegalStateException("Deep"));
		deep.initCause(failure);
		logger("com.example.orders").error("Order {} failed: {}", 7, "z".repeat(1000), deep);
		RecordedRequest alert = awaitMessages(1).get(0);
		assertThat(alert.delivered()).isTrue();
		assertThat(alert.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(20_000);
		assertThat(alert.text()).contains("- **Logger:** com.example.orders", "> Order 7 failed: zzz",
				"> java.lang.IllegalStateException: Deep", "> ... trace cut to fit DingTalk's 20,000 bytes");
	}

	@Test
	void starterLoggersAndRobotThreadsNeverAlert() throws InterruptedException {
		start();
		logger("io.github.dingtalkrobot.DingTalkRobot").error("Robot 'ops' gave up on a message");
		logger("io.github.dingtalkrobot.logging.DingTalkAppender").error("Alert failed");
		Thread robotThread = new Thread(() -> logger("com.example.listener").error("Delivery failed"),
				"dingtalk-robot-ops");
		robotThread.start();
		robotThread.join();
		logger("com.example.orders").error("Order failed");
		assertThat(awaitMessages(1).get(0).text()).contains("> Order failed");
	}

	@Test
	void webhookQueryValuesAreMasked() {
		start();
		logger("com.example.notify").error("Notification failed",
				new IllegalStateException("I/O error on POST request for \"" + this.ops.webhook()
						+ "&timestamp=1764561600000&sign=c2lnbmF0dXJl\": Connection refused"));
		String body = awaitMessages(1).get(0).body();
		assertThat(body).contains("access_token=******", "sign=******")
			.doesNotContain("token-ops")
			.doesNotContain("c2lnbmF0dXJl");
	}

	@Test
	void newErrorsBeyondTheBufferSizeAreDroppedAndCountedInTheNextAlertWhileRepeatsAreCounted()
			throws InterruptedException {
		GatedRobot gated = new GatedRobot(this.robot);
		this.appender.setDingTalkRobot(gated);
		this.appender.setBufferSize(4);
		start();
		logger("com.example.first").error("First failure");
		assertThat(gated.awaitEntered()).isTrue();
		for (int i = 0; i < 10; i++) {
			logger("com.example.burst" + i).error("Burst failure {}", i);
			logger("com.example.first").error("First failure");
		}
		gated.open();
		this.appender.flush();
		assertThat(awaitMessages(5)).extracting(RecordedRequest::text)
			.satisfiesExactly((text) -> assertThat(text).contains("> First failure").doesNotContain("Dropped"),
					(text) -> assertThat(text).contains("> Burst failure 0",
							"- **Dropped:** 7 earlier events, the alert buffer was full"),
					(text) -> assertThat(text).contains("> Burst failure 1").doesNotContain("Dropped"),
					(text) -> assertThat(text).contains("> Burst failure 2").doesNotContain("Dropped"),
					(text) -> assertThat(text).contains("**×11**", "> First failure").doesNotContain("Dropped"));
	}

	@Test
	void stoppingFlushesTheSummariesBeforeTheRobotCloses() {
		start();
		for (int i = 0; i < 5; i++) {
			failPayment(i);
		}
		this.appender.stop();
		this.robot.close();
		assertThat(this.ops.receivedMessages()).extracting(RecordedRequest::text)
			.satisfiesExactly((text) -> assertThat(text).contains("> Payment 0 failed"),
					(text) -> assertThat(text).contains("**×5** in the last 5 minutes"));
	}

	private void start() {
		this.appender.start();
		this.loggerContext.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this.appender);
	}

	private void failPayment(int order) {
		logger("com.example.payments").error("Payment {} failed", order, new IllegalStateException("Card declined"));
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private Logger logger(String name) {
		return this.loggerContext.getLogger(name);
	}

	private List<RecordedRequest> awaitMessages(int count) {
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.ops.requests()).hasSize(count));
		assertThat(this.ops.receivedMessages()).hasSize(count);
		return this.ops.receivedMessages();
	}

	private static <T extends Throwable> T nested(int depth, Supplier<T> exception) {
		return (depth == 0) ? exception.get() : nested(depth - 1, exception);
	}

}
