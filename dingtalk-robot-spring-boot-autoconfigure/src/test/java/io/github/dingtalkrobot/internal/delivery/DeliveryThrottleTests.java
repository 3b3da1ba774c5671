package io.github.dingtalkrobot.internal.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.github.dingtalkrobot.DeliverySettings;
import io.github.dingtalkrobot.DingTalkRateLimitedException;
import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.RateLimit;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.emulator.MutableClock;
import io.github.dingtalkrobot.message.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * Robots that DingTalk throttles ({@code errcode 130101} or {@code 410100}) pause instead
 * of retrying at once, and keep their messages queued.
 */
class DeliveryThrottleTests {

	private static final Instant START = Instant.parse("2025-11-28T08:00:00Z");

	private final MutableClock clock = new MutableClock(START);

	@RegisterExtension
	final RobotsUnderTest dingtalk = new RobotsUnderTest(this.clock);

	private EmulatedRobot emulated;

	@BeforeEach
	void registerRobot() {
		this.emulated = this.dingtalk.registerRobot("ops", "token-ops");
	}

	@ParameterizedTest(name = "errcode {0}")
	@ValueSource(ints = { 130101, 410100 })
	void throttledRobotPausesAndKeepsItsMessagesQueued(int errcode) {
		this.emulated.failNext(1).withErrcode(errcode);
		DingTalkRobot robot = this.dingtalk.robotFor(this.emulated, (builder) -> builder);
		CompletableFuture<DingTalkResponse> first = robot.sendAsync(Message.text("first"));
		await().until(() -> robot.state().pausedUntil() != null);
		assertThat(robot.state().pausedUntil()).isEqualTo(START.plus(Duration.ofMinutes(10)));
		CompletableFuture<DingTalkResponse> second = robot.sendAsync(Message.text("second"));
		CompletableFuture<DingTalkResponse> third = robot.sendAsync(Message.markdown("Third", "third"));
		DingTalkRateLimitedException refused = catchThrowableOfType(DingTalkRateLimitedException.class,
				() -> robot.sendText("synchronous"));
		assertThat(refused).hasMessageContaining("paused until " + START.plus(Duration.ofMinutes(10)));
		assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(10));
		this.clock.advance(Duration.ofMinutes(9));
		await().during(Duration.ofMillis(200)).until(() -> this.emulated.requests().size() == 1);
		assertThat(first).isNotDone();
		assertThat(robot.state().queueDepth()).isEqualTo(3);
		this.clock.advance(Duration.ofMinutes(1));
		await().until(() -> third.isDone());
		assertThat(first.join()).isEqualTo(second.join()).isEqualTo(third.join());
		assertThat(this.emulated.receivedMessages()).singleElement()
			.satisfies((message) -> assertThat(message.text()).isEqualTo("first\n\nsecond\n\nthird"));
		assertThat(robot.state().pausedUntil()).isNull();
	}

	@Test
	void robotThatDingTalkThrottledWaitsOutTheTenMinutes() {
		// A limit above DingTalk's: the emulator refuses the 21st message and throttles
		DingTalkRobot robot = this.dingtalk.robotFor(this.emulated,
				(builder) -> builder.rateLimit(new RateLimit(30, Duration.ofSeconds(60), Duration.ZERO))
					.delivery(DeliverySettings.defaults().withCoalesce(false)));
		List<CompletableFuture<DingTalkResponse>> messages = IntStream.range(0, 25)
			.mapToObj((i) -> robot.sendAsync(Message.text("message " + i)))
			.toList();
		await().until(() -> robot.state().pausedUntil() != null);
		await().during(Duration.ofMillis(200)).until(() -> this.emulated.requests().size() == 21);
		assertThat(this.emulated.isThrottled()).isTrue();
		this.clock.advance(Duration.ofMinutes(10));
		await().until(() -> messages.stream().allMatch(CompletableFuture::isDone));
		assertThat(messages).allSatisfy((message) -> assertThat(message.join().errcode()).isZero());
		assertThat(this.emulated.receivedMessages()).hasSize(25);
		assertThat(this.emulated.rateViolations()).isOne();
	}

}
