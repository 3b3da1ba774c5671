package io.github.dingtalkrobot.internal.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.github.dingtalkrobot.DeliveryFailure;
import io.github.dingtalkrobot.DeliverySettings;
import io.github.dingtalkrobot.DingTalkApiException;
import io.github.dingtalkrobot.DingTalkMessageTooLargeException;
import io.github.dingtalkrobot.DingTalkQueueFullException;
import io.github.dingtalkrobot.DingTalkRateLimitedException;
import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DingTalkRobotClosedException;
import io.github.dingtalkrobot.DingTalkRobotListener;
import io.github.dingtalkrobot.DingTalkRobots;
import io.github.dingtalkrobot.DingTalkTransportException;
import io.github.dingtalkrobot.RateLimit;
import io.github.dingtalkrobot.RetrySettings;
import io.github.dingtalkrobot.SendOutcome;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.emulator.MutableClock;
import io.github.dingtalkrobot.emulator.RecordedRequest;
import io.github.dingtalkrobot.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the delivery of robots against the emulator: listeners, state, sizes of
 * merged messages, closing.
 */
@ExtendWith(OutputCaptureExtension.class)
class DingTalkRobotDeliveryTests {

	private static final String TOKEN = "4c1d9e7f2a6b8035deliverytoken";

	private static final String SECRET = "SECdelivery5e1c2b3a4d5f607182secret";

	private static final Instant START = Instant.parse("2025-11-28T08:00:00Z");

	private static final RateLimit ONE_A_MINUTE = new RateLimit(1, Duration.ofMinutes(1), Duration.ZERO);

	private static final String TEAM_TOKEN = "8e2f0a6c4b1d9375teamtoken";

	private final MutableClock clock = new MutableClock(START);

	@AutoClose
	final DingTalkEmulator emulator = DingTalkEmulator.builder().clock(this.clock).build().start();

	private final EmulatedRobot dingtalk = this.emulator.registerRobot("ops", TOKEN).secret(SECRET);

	private final RecordingListener listener = new RecordingListener();

	private final List<DingTalkRobot> robots = new ArrayList<>();

	@AfterEach
	void closeRobots() {
		this.robots.forEach(DingTalkRobot::close);
	}

	@Test
	void listenersAndStateFollowEveryOutcome() {
		DingTalkRobot robot = robot(RateLimit.defaults(), DeliverySettings.defaults().withRetry(RetrySettings.none()));
		assertThat(robot.sendText("ok").errcode()).isZero();
		this.dingtalk.failNext(1).withErrcode(310000).failNext(1).withErrcode(130101).failNext(1).withHttpStatus(503);
		assertThat(robot.state().lastSuccess()).isEqualTo(START);
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> robot.sendText("refused"));
		assertThat(robot.state().lastFailure()).isEqualTo(START);
		assertThat(robot.state().lastFailureErrcode()).isEqualTo(310000);
		assertThatExceptionOfType(DingTalkRateLimitedException.class).isThrownBy(() -> robot.sendText("throttled"));
		assertThat(robot.state().pausedUntil()).isEqualTo(START.plus(Duration.ofMinutes(10)));
		assertThat(robot.state().slotsUsed()).isEqualTo(3);
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(robot.state().pausedUntil()).isNull();
		assertThatExceptionOfType(DingTalkTransportException.class).isThrownBy(() -> robot.sendText("unavailable"));
		assertThat(robot.state().lastFailureErrcode()).isNull();
		assertThat(this.listener.sends).containsExactly("ops text SUCCESS 0", "ops text API_ERROR 310000",
				"ops text RATE_LIMITED 130101", "ops text TRANSPORT_ERROR null");
		assertThat(this.listener.throttles).containsExactly("ops 130101 " + START.plus(Duration.ofMinutes(10)));
		assertThat(this.listener.failures).extracting((failure) -> failure.message())
			.containsExactly(Message.text("refused"), Message.text("throttled"), Message.text("unavailable"));
		assertThat(this.listener.failures).allSatisfy((failure) -> assertThat(failure.robotName()).isEqualTo("ops"));
	}

	@Test
	void ownRateLimitRefusesWithoutClaimingDingTalkAnswered() {
		DingTalkRobot robot = robot(ONE_A_MINUTE, DeliverySettings.defaults());
		robot.sendText("first");
		DingTalkRateLimitedException refused = catchThrowableOfType(DingTalkRateLimitedException.class,
				() -> robot.sendText("second"));
		assertThat(refused.fromDingTalk()).isFalse();
		assertThat(refused.errorCode()).isNull();
		assertThat(refused.errorMessage()).isNull();
		assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(1));
		assertThat(refused).isNotInstanceOf(DingTalkApiException.class)
			.hasMessage("DingTalk robot 'ops' did not send the message: the robot's rate limit of 1 messages per 1m "
					+ "is used up, and no slot came free within the maximum wait of 0s");
		assertThat(this.listener.sends).containsExactly("ops text SUCCESS 0");
		assertThat(this.listener.failures).extracting(DeliveryFailure::exception).containsExactly(refused);
		assertThat(this.dingtalk.requests()).hasSize(1);
	}

	@Test
	void dingTalksThrottlingCarriesItsErrcode() {
		this.dingtalk.failNext(1).withErrcode(130101, "errmsg 130101");
		DingTalkRobot robot = robot(RateLimit.defaults(), DeliverySettings.defaults());
		DingTalkRateLimitedException throttled = catchThrowableOfType(DingTalkRateLimitedException.class,
				() -> robot.sendText("throttled"));
		assertThat(throttled.fromDingTalk()).isTrue();
		assertThat(throttled.errorCode()).isEqualTo(130101);
		assertThat(throttled.errorMessage()).isEqualTo("errmsg 130101");
		assertThat(throttled.retryAfter()).isEqualTo(DingTalkRateLimitedException.DINGTALK_PENALTY);
		assertThat(throttled).hasMessageContaining("was refused with errcode 130101");
	}

	@Test
	void refusalsOnTheCallersSideLeaveTheRobotsStateAlone() {
		DingTalkRobot robot = robot(ONE_A_MINUTE,
				DeliverySettings.defaults().withQueueCapacity(1).withShutdownTimeout(Duration.ofMillis(100)));
		assertThatExceptionOfType(DingTalkMessageTooLargeException.class)
			.isThrownBy(() -> robot.sendText("告".repeat(7_000)));
		robot.sendText("first");
		assertThatExceptionOfType(DingTalkRateLimitedException.class).isThrownBy(() -> robot.sendText("limited"));
		CompletableFuture<DingTalkResponse> waiting = robot.sendAsync(Message.text("waits"));
		CompletableFuture<DingTalkResponse> refused = robot.sendAsync(Message.text("queue full"));
		await().until(refused::isDone);
		assertThat(catchThrowableOfType(Exception.class, refused::join))
			.hasCauseInstanceOf(DingTalkQueueFullException.class);
		assertThat(waiting).isNotDone();
		assertThat(this.listener.failures).hasSize(3);
		assertThat(robot.state().lastFailure()).isNull();
		assertThat(robot.state().lastFailureErrcode()).isNull();
		assertThat(robot.state().lastSuccess()).isEqualTo(START);
	}

	@Test
	void listenerThatThrowsDisturbsNeitherDeliveryNorOtherListeners(CapturedOutput output) {
		DingTalkRobotListener failing = new DingTalkRobotListener() {

			@Override
			public void onSend(String robotName, String msgtype, SendOutcome outcome, Integer errcode,
					Duration duration) {
				throw new IllegalStateException("listener broke");
			}

		};
		DingTalkRobot robot = track(DingTalkRobot.builder("ops")
			.webhook(this.dingtalk.webhook())
			.secret(SECRET)
			.clock(this.clock)
			.listeners(failing, this.listener)
			.build());
		assertThat(robot.sendText("hello").errcode()).isZero();
		assertThat(this.listener.sends).containsExactly("ops text SUCCESS 0");
		assertThat(output).contains("listener broke");
	}

	@Test
	void waitingMessagesAreMergedAndEachFutureGetsTheAnswer() {
		DingTalkRobot robot = robot(ONE_A_MINUTE, DeliverySettings.defaults());
		CompletableFuture<DingTalkResponse> first = robot.sendAsync(Message.text("first"));
		await().until(first::isDone);
		List<CompletableFuture<DingTalkResponse>> waiting = IntStream.range(0, 5)
			.mapToObj((i) -> robot.sendAsync(Message.text("alert " + i)))
			.toList();
		assertThat(robot.state().queueDepth()).isEqualTo(5);
		this.clock.advance(Duration.ofMinutes(1));
		await().until(() -> waiting.stream().allMatch(CompletableFuture::isDone));
		assertThat(waiting).allSatisfy((future) -> assertThat(future).isCompletedWithValue(first.join()));
		assertThat(this.dingtalk.requests()).hasSize(2);
		assertThat(this.dingtalk.requests().get(1).body()).contains("\"msgtype\":\"markdown\"")
			.contains("alert 0\\n\\nalert 1\\n\\nalert 2\\n\\nalert 3\\n\\nalert 4");
		assertThat(this.listener.coalesced).containsExactly(5);
		assertThat(robot.state().queueDepth()).isZero();
	}

	@Test
	void mergedMessagesStayWithinTheSizeLimit() {
		DingTalkRobot robot = robot(ONE_A_MINUTE, DeliverySettings.defaults());
		await().until(robot.sendAsync(Message.text("first"))::isDone);
		// Multi-byte characters, quotes and line breaks: all cost more than one byte
		List<CompletableFuture<DingTalkResponse>> alerts = IntStream.range(0, 60)
			.mapToObj((i) -> robot.sendAsync(Message.text("告警 " + i + " \"db\"\n" + "磁盘".repeat(300))))
			.toList();
		await().untilAsserted(() -> {
			this.clock.advance(Duration.ofMinutes(1));
			assertThat(alerts).allMatch(CompletableFuture::isDone);
		});
		assertThat(alerts).allMatch((alert) -> alert.join().errcode() == 0);
		List<byte[]> merged = this.dingtalk.requests()
			.stream()
			.skip(1)
			.map((request) -> request.body().getBytes(StandardCharsets.UTF_8))
			.toList();
		assertThat(merged).hasSizeLessThan(15)
			.allSatisfy((body) -> assertThat(body.length).isLessThanOrEqualTo(20_000));
		assertThat(merged.subList(0, merged.size() - 1))
			.allSatisfy((body) -> assertThat(body.length).isGreaterThan(15_000));
		assertThat(this.dingtalk.receivedMessages()).hasSize(merged.size() + 1);
	}

	@Test
	void mergedMessageThatTurnsOutTooLargeIsSentInParts() {
		// Pads every body with whitespace, like a converter that writes pretty JSON
		ClientHttpRequestInterceptor padding = (request, body, execution) -> {
			byte[] padded = Arrays.copyOf(body, body.length + 6_000);
			Arrays.fill(padded, body.length - 1, padded.length - 1, (byte) ' ');
			padded[padded.length - 1] = '}';
			return execution.execute(request, padded);
		};
		DingTalkRobot robot = track(DingTalkRobot.builder("ops")
			.webhook(this.dingtalk.webhook())
			.secret(SECRET)
			.clock(this.clock)
			.rateLimit(ONE_A_MINUTE)
			.restClientBuilder(RestClient.builder().requestInterceptor(padding))
			.listeners(this.listener)
			.build());
		await().until(robot.sendAsync(Message.text("first"))::isDone);
		CompletableFuture<DingTalkResponse> one = robot.sendAsync(Message.markdown("one", "1".repeat(7_000)));
		CompletableFuture<DingTalkResponse> two = robot.sendAsync(Message.markdown("two", "2".repeat(7_000)));
		this.clock.advance(Duration.ofMinutes(1));
		await().until(one::isDone);
		this.clock.advance(Duration.ofMinutes(1));
		await().until(two::isDone);
		assertThat(one.join().errcode()).isZero();
		assertThat(two.join().errcode()).isZero();
		assertThat(this.dingtalk.requests()).extracting(RecordedRequest::body)
			.satisfiesExactly((first) -> assertThat(first).contains("first"),
					(body) -> assertThat(body).contains("\"title\":\"one\"").doesNotContain("2222"),
					(body) -> assertThat(body).contains("\"title\":\"two\"").doesNotContain("1111"));
		assertThat(this.listener.coalesced).isEmpty();
	}

	@Test
	void closedRobotTakesNoMoreMessages(CapturedOutput output) {
		DingTalkRobot robot = robot(RateLimit.defaults(), DeliverySettings.defaults());
		robot.close();
		robot.close();
		assertThatExceptionOfType(DingTalkRobotClosedException.class).isThrownBy(() -> robot.sendText("late"))
			.withMessageContaining("'ops' was closed");
		CompletableFuture<DingTalkResponse> late = robot.sendAsync(Message.text("late async"));
		assertThat(late).isCompletedExceptionally();
		assertThat(catchThrowableOfType(Exception.class, late::join))
			.hasCauseInstanceOf(DingTalkRobotClosedException.class);
		assertThat(output).contains("Undelivered message of DingTalk robot 'ops'").contains("late async");
		assertThat(this.dingtalk.requests()).isEmpty();
		assertThat(this.listener.failures).hasSize(2);
	}

	@Test
	void closingTheRegistryGivesUpOnWhatNoRobotCouldSend(CapturedOutput output) {
		DeliverySettings quickShutdown = DeliverySettings.defaults().withShutdownTimeout(Duration.ofMillis(200));
		DingTalkRobot ops = robot(ONE_A_MINUTE, quickShutdown);
		DingTalkRobot team = track(DingTalkRobot.builder("team")
			.accessToken(this.emulator.registerRobot("team", TEAM_TOKEN).accessToken())
			.baseUrl(this.emulator.baseUrl())
			.clock(this.clock)
			.rateLimit(ONE_A_MINUTE)
			.delivery(quickShutdown)
			.listeners(this.listener)
			.build());
		await().until(ops.sendAsync(Message.text("ops first"))::isDone);
		await().until(team.sendAsync(Message.text("team first"))::isDone);
		CompletableFuture<DingTalkResponse> opsLate = ops.sendAsync(Message.text("ops waits"));
		CompletableFuture<DingTalkResponse> teamLate = team.sendAsync(Message.text("team waits"));
		DingTalkRobots.of(List.of(ops, team)).close();
		assertThat(opsLate).isCompletedExceptionally();
		assertThat(teamLate).isCompletedExceptionally();
		assertThat(this.listener.failures).extracting(DeliveryFailure::robotName)
			.containsExactlyInAnyOrder("ops", "team");
		assertThat(this.listener.failures)
			.allSatisfy((failure) -> assertThat(failure.exception()).isInstanceOf(DingTalkRobotClosedException.class)
				.hasMessageContaining("closed before it could send"));
		assertThat(output)
			.contains("Undelivered message of DingTalk robot 'ops'", "ops waits",
					"Undelivered message of DingTalk robot 'team'", "team waits")
			.doesNotContain(TOKEN)
			.doesNotContain(TEAM_TOKEN)
			.doesNotContain(SECRET);
		assertThat(this.emulator.requests()).extracting(RecordedRequest::robotName)
			.containsExactlyInAnyOrder("ops", "team");
		assertThat(this.emulator.requests()).allMatch(RecordedRequest::delivered);
	}

	@Test
	void disabledRobotLogsAsyncMessagesInsteadOfSending(CapturedOutput output) {
		DingTalkRobot robot = track(
				DingTalkRobot.builder("ops").webhook(this.dingtalk.webhook()).enabled(false).build());
		assertThat(robot.sendAsync(Message.text("quiet")))
			.isCompletedWithValueMatching((response) -> response.errcode() == 0);
		assertThat(output).contains("DingTalk robot 'ops' is disabled").contains("quiet");
		assertThat(robot.state().queueDepth()).isZero();
		assertThat(this.dingtalk.requests()).isEmpty();
	}

	private DingTalkRobot robot(RateLimit rateLimit, DeliverySettings delivery) {
		return track(DingTalkRobot.builder("ops")
			.webhook(this.dingtalk.webhook())
			.secret(SECRET)
			.clock(this.clock)
			.rateLimit(rateLimit)
			.delivery(delivery)
			.listeners(this.listener)
			.build());
	}

	private DingTalkRobot track(DingTalkRobot robot) {
		this.robots.add(robot);
		return robot;
	}

}
