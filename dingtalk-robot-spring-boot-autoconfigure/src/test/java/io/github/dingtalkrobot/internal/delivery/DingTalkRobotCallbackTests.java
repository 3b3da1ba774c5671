package io.github.dingtalkrobot.internal.delivery;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DingTalkRobotListener;
import io.github.dingtalkrobot.SendOutcome;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.message.Message;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the futures of {@code sendAsync} complete off the robot's dispatcher, so
 * that callbacks can neither deadlock nor slow down a robot, and that the robot's threads
 * carry its name.
 */
class DingTalkRobotCallbackTests {

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	@AutoClose
	final DingTalkEmulator emulator = DingTalkEmulator.builder().build().start();

	private final EmulatedRobot dingtalk = this.emulator.registerRobot("ops", "callback-token");

	private final CompletableFuture<Void> answers = new CompletableFuture<>();

	private final Queue<String> sendingThreads = new ConcurrentLinkedQueue<>();

	private final DingTalkRobot robot = DingTalkRobot.builder("ops")
		.webhook(this.dingtalk.webhook())
		.listeners(new DingTalkRobotListener() {

			@Override
			public void onSend(String robotName, String msgtype, SendOutcome outcome, @Nullable Integer errcode,
					Duration duration) {
				DingTalkRobotCallbackTests.this.sendingThreads.add(Thread.currentThread().getName());
			}

		})
		.build();

	@AfterEach
	void closeRobot() {
		this.robot.close();
	}

	@Test
	void callbackThatWaitsForAnotherMessageOfTheSameRobotFinishes() {
		this.dingtalk.failNext(Integer.MAX_VALUE).withAnswerHeldUntil(this.answers);
		CompletableFuture<DingTalkResponse> first = this.robot.sendAsync(Message.text("a"));
		CompletableFuture<DingTalkResponse> probe = first
			.thenApply((response) -> this.robot.sendAsync(Message.text("b")).join());
		this.answers.complete(null);
		assertThat(probe).succeedsWithin(PATIENCE).satisfies((response) -> assertThat(response.errcode()).isZero());
		assertThat(this.dingtalk.requests()).hasSize(2);
	}

	@Test
	void slowCallbackDoesNotDelayTheNextDelivery() throws InterruptedException {
		this.dingtalk.failNext(Integer.MAX_VALUE).withAnswerHeldUntil(this.answers);
		CountDownLatch callbackEntered = new CountDownLatch(1);
		CountDownLatch callbackReleased = new CountDownLatch(1);
		CompletableFuture<DingTalkResponse> first = this.robot.sendAsync(Message.text("a"));
		CompletableFuture<Void> slow = first.thenRun(() -> {
			callbackEntered.countDown();
			awaitQuietly(callbackReleased);
		});
		CompletableFuture<DingTalkResponse> second = this.robot.sendAsync(Message.text("b"));
		this.answers.complete(null);
		assertThat(callbackEntered.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(second).succeedsWithin(PATIENCE);
		assertThat(slow).isNotDone();
		callbackReleased.countDown();
		assertThat(slow).succeedsWithin(PATIENCE);
	}

	@Test
	void robotThreadsAreNamedAfterTheRobot() {
		this.dingtalk.failNext(Integer.MAX_VALUE).withAnswerHeldUntil(this.answers);
		CompletableFuture<String> callbackThread = this.robot.sendAsync(Message.text("a"))
			.thenApply((response) -> Thread.currentThread().getName());
		this.answers.complete(null);
		assertThat(callbackThread).succeedsWithin(PATIENCE)
			.satisfies((name) -> assertThat(name).startsWith("dingtalk-ops-callback-"));
		assertThat(this.sendingThreads).containsExactly("dingtalk-ops-dispatcher-1");
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
