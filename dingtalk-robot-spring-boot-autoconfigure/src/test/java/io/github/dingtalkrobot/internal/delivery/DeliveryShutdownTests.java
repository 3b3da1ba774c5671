package io.github.dingtalkrobot.internal.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import io.github.dingtalkrobot.DeliveryFailure;
import io.github.dingtalkrobot.DeliverySettings;
import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DingTalkRobotClosedException;
import io.github.dingtalkrobot.DingTalkRobotListener;
import io.github.dingtalkrobot.RateLimit;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.emulator.MutableClock;
import io.github.dingtalkrobot.emulator.RecordedRequest;
import io.github.dingtalkrobot.message.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Closing a robot delivers what it holds within the shutdown timeout, and reports what it
 * could not deliver.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeliveryShutdownTests {

	private static final Instant START = Instant.parse("2025-11-28T08:00:00Z");

	private static final String SECRET = "SECshutdown0123456789abcdef";

	private final MutableClock clock = new MutableClock(START);

	@RegisterExtension
	final RobotsUnderTest dingtalk = new RobotsUnderTest(this.clock);

	private final List<DeliveryFailure> failures = new CopyOnWriteArrayList<>();

	private EmulatedRobot emulated;

	@BeforeEach
	void registerRobot() {
		this.emulated = this.dingtalk.registerRobot("ops", "token-shutdown-7c1f").secret(SECRET);
	}

	@Test
	void closingDeliversWhatTheRobotHolds() {
		DingTalkRobot robot = this.dingtalk.robotFor(this.emulated, (builder) -> builder);
		List<CompletableFuture<DingTalkResponse>> alerts = IntStream.range(0, 50)
			.mapToObj((i) -> robot.sendAsync(Message.text("[alert-" + i + "]")))
			.toList();
		robot.close();
		assertThat(alerts).allSatisfy(
				(alert) -> assertThat(alert).isCompletedWithValueMatching((response) -> response.errcode() == 0));
		String delivered = String.join("\n",
				this.emulated.receivedMessages().stream().map(RecordedRequest::text).toList());
		IntStream.range(0, 50).forEach((i) -> assertThat(delivered).contains("[alert-" + i + "]"));
		assertThat(this.emulated.rateViolations()).isZero();
	}

	@Test
	void closingReportsWhatCouldNotBeDeliveredInTime(CapturedOutput output) {
		DingTalkRobot robot = this.dingtalk.robotFor(this.emulated,
				(builder) -> builder.rateLimit(new RateLimit(1, Duration.ofSeconds(60), Duration.ZERO))
					.delivery(DeliverySettings.defaults().withShutdownTimeout(Duration.ofMillis(300)))
					.listeners(new DingTalkRobotListener() {

						@Override
						public void onDeliveryFailed(DeliveryFailure failure) {
							DeliveryShutdownTests.this.failures.add(failure);
						}

					}));
		await().until(robot.sendAsync(Message.text("delivered"))::isDone);
		List<CompletableFuture<DingTalkResponse>> waiting = IntStream.range(0, 3)
			.mapToObj((i) -> robot.sendAsync(Message.text("waiting " + i)))
			.toList();
		robot.close();
		assertThat(waiting).allSatisfy((message) -> assertThat(message).failsWithin(Duration.ZERO)
			.withThrowableThat()
			.withCauseInstanceOf(DingTalkRobotClosedException.class));
		assertThat(this.failures).extracting(DeliveryFailure::message)
			.containsExactly(Message.text("waiting 0"), Message.text("waiting 1"), Message.text("waiting 2"));
		assertThat(output).contains("Undelivered message of DingTalk robot 'ops'")
			.contains("waiting 0", "waiting 1", "waiting 2")
			.doesNotContain("token-shutdown-7c1f")
			.doesNotContain(SECRET);
		assertThat(this.emulated.receivedMessages()).hasSize(1);
	}

}
