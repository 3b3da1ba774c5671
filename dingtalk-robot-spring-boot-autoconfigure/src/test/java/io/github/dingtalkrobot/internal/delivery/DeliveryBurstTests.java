package io.github.dingtalkrobot.internal.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import io.github.dingtalkrobot.DeliverySettings;
import io.github.dingtalkrobot.DingTalkQueueFullException;
import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.RateLimit;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.emulator.Mentions;
import io.github.dingtalkrobot.emulator.MutableClock;
import io.github.dingtalkrobot.emulator.RecordedRequest;
import io.github.dingtalkrobot.message.Message;
import io.github.dingtalkrobot.message.TextMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bursts of messages through {@code sendAsync}: merged while they wait, delivered
 * completely and in order, refused at once when the queue is full.
 */
class DeliveryBurstTests {

	private static final Instant START = Instant.parse("2025-11-28T08:00:00Z");

	private static final RateLimit ONE_A_MINUTE = new RateLimit(1, Duration.ofSeconds(60), Duration.ZERO);

	private final MutableClock clock = new MutableClock(START);

	@RegisterExtension
	final RobotsUnderTest dingtalk = new RobotsUnderTest(this.clock);

	private EmulatedRobot emulated;

	@BeforeEach
	void registerRobot() {
		this.emulated = this.dingtalk.registerRobot("ops", "token-ops")
			.secret("SECburst0123456789abcdef")
			.keywords("告警");
	}

	@Test
	void burstIsDeliveredCompletelyInOrderWithinTheRateLimit() {
		DingTalkRobot robot = this.dingtalk.robotFor(this.emulated, (builder) -> builder);
		List<CompletableFuture<DingTalkResponse>> alerts = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			TextMessage alert = Message.text("[alert-" + i + "] disk usage on db-" + i + " is above 90%, "
					+ "check the volumes and rotate the logs".repeat(3));
			alerts.add(robot.sendAsync((i % 100 == 0) ? alert.atMobiles("1380000" + String.format("%04d", i)) : alert));
		}
		alerts.add(robot.sendAsync(Message.text("[alert-300] everyone look").atAll()));
		await().until(() -> alerts.stream().allMatch(CompletableFuture::isDone));
		assertThat(alerts).allSatisfy((alert) -> assertThat(alert.join().errcode()).isZero());
		List<RecordedRequest> received = this.emulated.receivedMessages();
		assertThat(received).hasSizeLessThanOrEqualTo(20);
		String delivered = received.stream().map(RecordedRequest::text).collect(Collectors.joining("\n"));
		int previous = -1;
		for (int i = 0; i <= 300; i++) {
			int position = delivered.indexOf("[alert-" + i + "]");
			assertThat(position).as("position of alert %d", i).isGreaterThan(previous);
			assertThat(delivered.indexOf("[alert-" + i + "]", position + 1)).as("second copy of alert %d", i)
				.isEqualTo(-1);
			previous = position;
		}
		assertThat(this.emulated.receivedMessages()).extracting(RecordedRequest::mentions)
			.anyMatch((mentions) -> mentions.includes("13800000000"))
			.anyMatch((mentions) -> mentions.includes("13800000100"))
			.anyMatch((mentions) -> mentions.includes("13800000200"))
			.anyMatch(Mentions::atAll);
		assertThat(this.emulated.receivedMessages()).anyMatch((message) -> message.visibleText().contains("告警"));
		assertThat(this.emulated.rateViolations()).isZero();
	}

	@Test
	void fullQueueFailsTheNextMessageAtOnce() {
		DingTalkRobot robot = this.dingtalk.robotFor(this.emulated, (builder) -> builder.rateLimit(ONE_A_MINUTE)
			.delivery(DeliverySettings.defaults().withQueueCapacity(5)));
		await().until(robot.sendAsync(Message.text("first"))::isDone);
		List<CompletableFuture<DingTalkResponse>> queued = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			queued.add(robot.sendAsync(Message.text("queued " + i)));
		}
		CompletableFuture<DingTalkResponse> refused = robot.sendAsync(Message.text("one too many"));
		assertThat(refused).isCompletedExceptionally();
		assertThat(refused).failsWithin(Duration.ZERO)
			.withThrowableThat()
			.withCauseInstanceOf(DingTalkQueueFullException.class)
			.withMessageContaining("queue is full (capacity 5)");
		this.clock.advance(Duration.ofSeconds(60));
		await().until(() -> queued.stream().allMatch(CompletableFuture::isDone));
		assertThat(this.emulated.receivedMessages()).hasSize(2);
		assertThat(this.emulated.receivedMessages().get(1).text()).contains("queued 0", "queued 4")
			.doesNotContain("one too many");
	}

	@Test
	void coalescingCanBeSwitchedOff() {
		DingTalkRobot robot = this.dingtalk.robotFor(this.emulated,
				(builder) -> builder.rateLimit(ONE_A_MINUTE).delivery(DeliverySettings.defaults().withCoalesce(false)));
		List<CompletableFuture<DingTalkResponse>> messages = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			messages.add(robot.sendAsync(Message.text("告警 " + i)));
		}
		await().untilAsserted(() -> {
			this.clock.advance(Duration.ofSeconds(60));
			assertThat(messages).allMatch(CompletableFuture::isDone);
		});
		assertThat(this.emulated.receivedMessages()).extracting(RecordedRequest::msgtype)
			.containsExactly("text", "text", "text");
		assertThat(this.emulated.rateViolations()).isZero();
	}

}
