package io.github.dingtalkrobot.internal.delivery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.dingtalkrobot.DeliverySettings;
import io.github.dingtalkrobot.DingTalkApiException;
import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DingTalkRobotListener;
import io.github.dingtalkrobot.DingTalkTransportException;
import io.github.dingtalkrobot.RetrySettings;
import io.github.dingtalkrobot.SendOutcome;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.emulator.FaultKind;
import io.github.dingtalkrobot.emulator.MutableClock;
import io.github.dingtalkrobot.emulator.RecordedRequest;
import io.github.dingtalkrobot.message.Message;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Retries of transient failures: with backoff, bounded in count, and never after a read
 * timeout unless asked for.
 */
class DeliveryRetryTests {

	private static final Instant START = Instant.parse("2025-11-28T08:00:00Z");

	private static final RetrySettings QUICK_RETRIES = new RetrySettings(3, Duration.ofSeconds(1),
			Duration.ofSeconds(1), 1, false);

	private final MutableClock clock = new MutableClock(START);

	@RegisterExtension
	final RobotsUnderTest dingtalk = new RobotsUnderTest(this.clock);

	private final List<String> sends = new CopyOnWriteArrayList<>();

	private EmulatedRobot emulated;

	@BeforeEach
	void registerRobot() {
		this.emulated = this.dingtalk.registerRobot("ops", "token-ops").secret("SECretry0123456789abcdef");
	}

	@Test
	void transientFailuresAreRetriedAfterABackoff() {
		this.emulated.failNext(1).withErrcode(-1);
		this.emulated.failNext(1).withHttpStatus(503);
		DingTalkRobot robot = this.dingtalk.robotFor(this.emulated, (builder) -> builder);
		CompletableFuture<DingTalkResponse> alert = robot.sendAsync(Message.text("disk full"));
		await().until(() -> this.emulated.requests().size() == 1);
		// No retry until the robot's clock has moved on by the backoff
		await().during(Duration.ofMillis(200)).until(() -> this.emulated.requests().size() == 1);
		await().untilAsserted(() -> {
			this.clock.advance(Duration.ofMillis(250));
			assertThat(alert).isDone();
		});
		assertThat(alert.join().errcode()).isZero();
		assertThat(this.emulated.requests()).extracting(RecordedRequest::fault)
			.containsExactly(FaultKind.ERRCODE, FaultKind.HTTP_STATUS, null);
		assertThat(this.emulated.receivedMessages()).hasSize(1);
	}

	@Test
	void retriesEndAfterTheMaximumAttempts() {
		this.emulated.failNext(5).withErrcode(-1);
		DingTalkRobot robot = this.dingtalk.robotFor(this.emulated,
				(builder) -> builder.delivery(DeliverySettings.defaults().withRetry(QUICK_RETRIES)));
		CompletableFuture<DingTalkResponse> alert = robot.sendAsync(Message.text("disk full"));
		await().untilAsserted(() -> {
			this.clock.advance(Duration.ofSeconds(1));
			assertThat(alert).isDone();
		});
		assertThat(alert).failsWithin(Duration.ZERO)
			.withThrowableThat()
			.havingCause()
			.isInstanceOfSatisfying(DingTalkApiException.class,
					(failure) -> assertThat(failure.errorCode()).isEqualTo(-1));
		assertThat(this.emulated.requests()).hasSize(3);
		assertThat(this.emulated.pendingFaults()).isEqualTo(2);
	}

	@Test
	void permanentFailureIsNotRetried() {
		this.emulated.failNext(1).withErrcode(400102);
		DingTalkRobot robot = this.dingtalk.robotFor(this.emulated, (builder) -> builder);
		CompletableFuture<DingTalkResponse> alert = robot.sendAsync(Message.text("disk full"));
		await().until(alert::isDone);
		assertThat(alert).isCompletedExceptionally();
		await().during(Duration.ofMillis(200)).until(() -> this.emulated.requests().size() == 1);
	}

	@Test
	void refusedConnectionIsRetried() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		DingTalkRobot robot = DingTalkRobot.builder("ops")
			.webhook("http://127.0.0.1:" + closedPort + "/robot/send?access_token=token-ops")
			.clock(this.clock)
			.delivery(DeliverySettings.defaults().withRetry(QUICK_RETRIES))
			.listeners(recordSends())
			.build();
		try {
			CompletableFuture<DingTalkResponse> alert = robot.sendAsync(Message.text("disk full"));
			await().untilAsserted(() -> {
				this.clock.advance(Duration.ofSeconds(1));
				assertThat(alert).isDone();
			});
			assertThat(alert).isCompletedExceptionally();
			assertThat(this.sends).containsExactly("TRANSPORT_ERROR", "TRANSPORT_ERROR", "TRANSPORT_ERROR");
		}
		finally {
			robot.close();
		}
	}

	@Test
	void requestThatTimedOutIsNotRetriedSinceDingTalkMayHavePostedIt() {
		this.emulated.failNext(1).withDelay(Duration.ofSeconds(3));
		DingTalkRobot robot = this.dingtalk.robotFor(this.emulated,
				(builder) -> builder.readTimeout(Duration.ofSeconds(1))
					.delivery(DeliverySettings.defaults().withRetry(QUICK_RETRIES)));
		CompletableFuture<DingTalkResponse> alert = robot.sendAsync(Message.text("disk full"));
		await().until(alert::isDone);
		assertThat(alert).failsWithin(Duration.ZERO)
			.withThrowableThat()
			.havingCause()
			.isInstanceOfSatisfying(DingTalkTransportException.class,
					(failure) -> assertThat(failure.mayHaveBeenDelivered()).isTrue());
		this.clock.advance(Duration.ofSeconds(10));
		await().during(Duration.ofMillis(200)).until(() -> this.emulated.requests().size() == 1);
		assertThat(this.emulated.receivedMessages()).hasSize(1);
	}

	@Test
	void requestThatTimedOutIsRetriedWhenAskedForAtTheRiskOfADuplicate() {
		this.emulated.failNext(1).withDelay(Duration.ofSeconds(3));
		DingTalkRobot robot = this.dingtalk.robotFor(this.emulated,
				(builder) -> builder.readTimeout(Duration.ofSeconds(1))
					.delivery(DeliverySettings.defaults()
						.withRetry(new RetrySettings(3, Duration.ofSeconds(1), Duration.ofSeconds(1), 1, true))));
		CompletableFuture<DingTalkResponse> alert = robot.sendAsync(Message.text("disk full"));
		await().untilAsserted(() -> {
			this.clock.advance(Duration.ofSeconds(1));
			assertThat(alert).isDone();
		});
		assertThat(alert.join().errcode()).isZero();
		assertThat(this.emulated.receivedMessages()).hasSize(2);
	}

	private DingTalkRobotListener recordSends() {
		return new DingTalkRobotListener() {

			@Override
			public void onSend(String robotName, String msgtype, SendOutcome outcome, @Nullable Integer errcode,
					Duration duration) {
				DeliveryRetryTests.this.sends.add(outcome.name());
			}

		};
	}

}
