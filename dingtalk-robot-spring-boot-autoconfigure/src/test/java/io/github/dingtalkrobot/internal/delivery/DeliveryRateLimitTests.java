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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * Robots against the emulator's real rate limit: 20 messages in any 60 seconds, on a
 * clock the tests move by hand.
 */
class DeliveryRateLimitTests {

	private static final Instant START = Instant.parse("2025-11-28T08:00:00Z");

	private final MutableClock clock = new MutableClock(START);

	@RegisterExtension
	final RobotsUnderTest dingtalk = new RobotsUnderTest(this.clock);

	private EmulatedRobot emulated;

	@BeforeEach
	void registerRobot() {
		this.emulated = this.dingtalk.registerRobot("ops", "token-ops").secret("SECrate0123456789limit");
	}

	@Test
	void limiterNeverLetsA21stMessageIntoARollingMinute() {
		DingTalkRobot robot = this.dingtalk.robotFor(this.emulated,
				(builder) -> builder.delivery(DeliverySettings.defaults().withCoalesce(false)));
		List<CompletableFuture<DingTalkResponse>> messages = IntStream.range(0, 25)
			.mapToObj((i) -> robot.sendAsync(Message.text("message " + i)))
			.toList();
		await().until(messages.get(19)::isDone);
		await().during(Duration.ofMillis(200)).until(() -> this.emulated.requests().size() == 20);
		assertThat(robot.state().slotsUsed()).isEqualTo(20);
		assertThat(robot.state().queueDepth()).isEqualTo(5);
		this.clock.advance(Duration.ofSeconds(59));
		await().during(Duration.ofMillis(200)).until(() -> this.emulated.requests().size() == 20);
		this.clock.advance(Duration.ofSeconds(1));
		await().until(() -> messages.stream().allMatch(CompletableFuture::isDone));
		assertThat(messages).allSatisfy(
				(message) -> assertThat(message).isCompletedWithValueMatching((response) -> response.errcode() == 0));
		assertThat(this.emulated.rateViolations()).isZero();
		assertThat(this.emulated.receivedMessages()).hasSize(25);
	}

	@Test
	void sendAndSendAsyncShareTheLimit() {
		DingTalkRobot robot = this.dingtalk.robotFor(this.emulated,
				(builder) -> builder.rateLimit(new RateLimit(20, Duration.ofSeconds(60), Duration.ZERO))
					.delivery(DeliverySettings.defaults().withCoalesce(false)));
		for (int i = 0; i < 10; i++) {
			assertThat(robot.sendText("sync " + i).errcode()).isZero();
		}
		List<CompletableFuture<DingTalkResponse>> queued = IntStream.range(0, 15)
			.mapToObj((i) -> robot.sendAsync(Message.text("async " + i)))
			.toList();
		await().until(queued.get(9)::isDone);
		DingTalkRateLimitedException refused = catchThrowableOfType(DingTalkRateLimitedException.class,
				() -> robot.sendText("one too many"));
		assertThat(refused.fromDingTalk()).isFalse();
		assertThat(refused.errorCode()).isNull();
		assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(60));
		assertThat(refused).hasMessageContaining("rate limit of 20 messages per 1m is used up");
		assertThat(robot.state().queueDepth()).isEqualTo(5);
		assertThat(this.emulated.requests()).hasSize(20);
		this.clock.advance(Duration.ofSeconds(60));
		await().until(() -> queued.stream().allMatch(CompletableFuture::isDone));
		assertThat(this.emulated.receivedMessages()).hasSize(25);
		assertThat(this.emulated.rateViolations()).isZero();
	}

	@Test
	void sendWaitsForAFreeSlotUpToItsMaximumWait() {
		DingTalkRobot robot = this.dingtalk.robotFor(this.emulated,
				(builder) -> builder.rateLimit(new RateLimit(1, Duration.ofSeconds(60), Duration.ofMinutes(2))));
		robot.sendText("first");
		CompletableFuture<DingTalkResponse> second = CompletableFuture.supplyAsync(() -> robot.sendText("second"));
		await().during(Duration.ofMillis(200)).until(() -> !second.isDone());
		this.clock.advance(Duration.ofSeconds(60));
		await().until(second::isDone);
		assertThat(second.join().errcode()).isZero();
		assertThat(this.emulated.receivedMessages()).hasSize(2);
		assertThat(this.emulated.rateViolations()).isZero();
	}

}
