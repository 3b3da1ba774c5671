package io.github.dingtalkrobot.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.github.dingtalkrobot.emulator.WebhookClient.Answer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the rate limit of a {@link DingTalkEmulator} robot: 20 messages in any 60
 * seconds, then 10 minutes throttled.
 */
class DingTalkEmulatorRateLimitTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2025-11-28T08:00:00Z"));

	@AutoClose
	final DingTalkEmulator emulator = DingTalkEmulator.builder().clock(this.clock).build().start();

	private final EmulatedRobot robot = this.emulator.registerRobot("ops", "token-ops");

	@Test
	void twentyFirstMessageInAMinuteThrottlesTheRobotForTenMinutes() {
		for (int i = 0; i < 20; i++) {
			assertThat(send().errcode()).isZero();
			this.clock.advance(Duration.ofSeconds(1));
		}
		send().assertRefusedWith(130101, "send too fast, exceed 20 times per minute");
		assertThat(this.robot.isThrottled()).isTrue();
		this.clock.advance(Duration.ofMinutes(9));
		send().assertRefusedWith(130101, "send too fast, exceed 20 times per minute");
		assertThat(this.robot.isThrottled()).isTrue();
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.robot.isThrottled()).isFalse();
		assertThat(send().errcode()).isZero();
		assertThat(this.robot.receivedMessages()).hasSize(21);
		assertThat(this.robot.rateViolations()).isEqualTo(2);
		assertThat(this.emulator.rateViolations()).isEqualTo(2);
	}

	@Test
	void windowRollsWithEachMessage() {
		// One message a second for 20 seconds, then the window slides: at 60 s the first
		// message leaves it, making room for exactly one more
		for (int i = 0; i < 20; i++) {
			assertThat(send().errcode()).isZero();
			this.clock.advance(Duration.ofSeconds(1));
		}
		this.clock.advance(Duration.ofSeconds(39).plusMillis(999));
		send().assertRefusedWith(130101, "send too fast, exceed 20 times per minute");
		this.emulator.reset();
		for (int i = 0; i < 20; i++) {
			assertThat(send().errcode()).isZero();
			this.clock.advance(Duration.ofSeconds(1));
		}
		this.clock.advance(Duration.ofSeconds(40));
		assertThat(send().errcode()).isZero();
		send().assertRefusedWith(130101, "send too fast, exceed 20 times per minute");
	}

	@Test
	void messagesSpreadOverTheMinuteStayWithinTheLimit() {
		// 3 s apart: never more than 20 in any 60 s
		for (int i = 0; i < 100; i++) {
			assertThat(send().errcode()).isZero();
			this.clock.advance(Duration.ofSeconds(3));
		}
		assertThat(this.robot.rateViolations()).isZero();
	}

	@Test
	void refusedMessagesDoNotCount() {
		for (int i = 0; i < 30; i++) {
			assertThat(WebhookClient.post(this.robot.webhook(), "{}").errcode()).isEqualTo(40035);
		}
		for (int i = 0; i < 20; i++) {
			assertThat(send().errcode()).isZero();
		}
		assertThat(this.robot.rateViolations()).isZero();
	}

	@Test
	void throttledRobotRefusesEvenInvalidRequests() {
		for (int i = 0; i < 21; i++) {
			send();
		}
		WebhookClient.post(this.robot.webhook(), "{}")
			.assertRefusedWith(130101, "send too fast, exceed 20 times per minute");
	}

	@Test
	void robotsHaveTheirOwnLimits() {
		EmulatedRobot other = this.emulator.registerRobot("other", "token-other");
		for (int i = 0; i < 21; i++) {
			send();
		}
		assertThat(WebhookClient.post(other.webhook(), WebhookClient.text("hi")).errcode()).isZero();
		assertThat(other.isThrottled()).isFalse();
	}

	@Test
	void concurrentBurstDeliversExactlyTwenty() throws Exception {
		List<Callable<Answer>> sends = IntStream.range(0, 40).mapToObj((i) -> (Callable<Answer>) this::send).toList();
		ExecutorService clients = Executors.newFixedThreadPool(8);
		try {
			List<Integer> errcodes = clients.invokeAll(sends).stream().map(this::errcode).toList();
			assertThat(errcodes).filteredOn((errcode) -> errcode == 0).hasSize(20);
			assertThat(errcodes).filteredOn((errcode) -> errcode == 130101).hasSize(20);
		}
		finally {
			clients.shutdownNow();
		}
		assertThat(this.robot.receivedMessages()).hasSize(20);
		assertThat(this.robot.rateViolations()).isEqualTo(20);
	}

	@Test
	void resetEndsTheThrottle() {
		for (int i = 0; i < 21; i++) {
			send();
		}
		this.emulator.reset();
		assertThat(this.robot.isThrottled()).isFalse();
		assertThat(this.robot.rateViolations()).isZero();
		assertThat(send().errcode()).isZero();
	}

	private Answer send() {
		return WebhookClient.post(this.robot.webhook(), WebhookClient.text("hi"));
	}

	private int errcode(Future<Answer> answer) {
		try {
			return answer.get().errcode();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
