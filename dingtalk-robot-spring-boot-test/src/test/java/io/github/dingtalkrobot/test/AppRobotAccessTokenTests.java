package io.github.dingtalkrobot.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.dingtalkrobot.DingTalkAppRobot;
import io.github.dingtalkrobot.DingTalkOpenApiException;
import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.RateLimit;
import io.github.dingtalkrobot.emulator.MutableClock;
import io.github.dingtalkrobot.emulator.OpenApiRequest;
import io.github.dingtalkrobot.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The access token of an app robot: fetched once and shared by concurrent senders,
 * fetched again before it expires, and replaced once when DingTalk rejects it.
 */
class AppRobotAccessTokenTests {

	private static final int SENDERS = 16;

	private static final RateLimit GENEROUS = new RateLimit(100, Duration.ofMinutes(1), Duration.ZERO);

	private final MutableClock clock = new MutableClock(Instant.parse("2025-11-28T08:00:00Z"));

	@RegisterExtension
	final AppRobots dingtalk = new AppRobots(this.clock);

	@Test
	void tokenIsFetchedOnceAndReused() {
		DingTalkAppRobot robot = this.dingtalk.robot();
		robot.sendText("one");
		robot.sendText("two");
		robot.sendToUsers(List.of("user1"), Message.text("three"));
		assertThat(this.dingtalk.app().tokenRequests()).isOne();
		assertThat(this.dingtalk.app().requests()).allMatch(OpenApiRequest::accepted);
	}

	@Test
	void sixteenConcurrentSendersShareOneTokenFetch() throws Exception {
		DingTalkAppRobot robot = this.dingtalk.robot((builder) -> builder.rateLimit(GENEROUS));
		assertThat(sendConcurrently(robot)).allMatch((response) -> response.errcode() == 0);
		assertThat(this.dingtalk.app().tokenRequests()).isOne();
		assertThat(this.dingtalk.app().groupMessages()).hasSize(SENDERS);
	}

	@Test
	void tokenAboutToExpireIsFetchedAgainOnceUnderSixteenConcurrentSenders() throws Exception {
		DingTalkAppRobot robot = this.dingtalk.robot((builder) -> builder.rateLimit(GENEROUS));
		robot.sendText("first");
		// Within five minutes of the 7,200 seconds DingTalk grants, the token is renewed
		this.clock.advance(Duration.ofSeconds(7200).minusMinutes(4));
		assertThat(sendConcurrently(robot)).allMatch((response) -> response.errcode() == 0);
		assertThat(this.dingtalk.app().tokenRequests()).isEqualTo(2);
		assertThat(this.dingtalk.app().requests()).allMatch(OpenApiRequest::accepted);
	}

	@Test
	void rejectedTokenIsReplacedOnceAndTheMessageSentAgain() {
		DingTalkAppRobot robot = this.dingtalk.robot();
		robot.sendText("first");
		this.dingtalk.app().revokeTokens();
		assertThat(robot.sendText("second").errcode()).isZero();
		assertThat(this.dingtalk.app().requests()).extracting(OpenApiRequest::path, OpenApiRequest::code)
			.containsExactly(tuple("/v1.0/oauth2/accessToken", null), tuple("/v1.0/robot/groupMessages/send", null),
					tuple("/v1.0/robot/groupMessages/send", "InvalidAuthentication"),
					tuple("/v1.0/oauth2/accessToken", null), tuple("/v1.0/robot/groupMessages/send", null));
		assertThat(this.dingtalk.app().groupMessages()).hasSize(2);
	}

	@Test
	void tokenRejectedTwiceFailsWithTheOpenApiCode() {
		DingTalkAppRobot robot = this.dingtalk.robot();
		robot.sendText("first");
		this.dingtalk.app().revokeTokens();
		// Answers the send with the new token too
		this.dingtalk.app().failNext(400, "InvalidAuthentication", "不合法的access_token");
		assertThatExceptionOfType(DingTalkOpenApiException.class).isThrownBy(() -> robot.sendText("second"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo("InvalidAuthentication");
				assertThat(ex.errorCode()).isEqualTo(400);
			});
		assertThat(this.dingtalk.app().tokenRequests()).isEqualTo(2);
	}

	@Test
	void wrongClientSecretFailsWithoutRevealingIt() {
		DingTalkAppRobot robot = this.dingtalk.robot((builder) -> builder.app(AppRobots.CLIENT_ID,
				"wrong-secret-93f1d2", AppRobots.ROBOT_CODE, AppRobots.CONVERSATION_ID));
		assertThatExceptionOfType(DingTalkOpenApiException.class).isThrownBy(() -> robot.sendText("hi"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo("invalidClientIdOrSecret");
				assertThat(ex.isRetryable()).isFalse();
				assertThat(ex.getMessage()).contains("oncall").doesNotContain("wrong-secret-93f1d2");
			});
		assertThat(robot.toString()).doesNotContain("wrong-secret-93f1d2");
		assertThat(this.dingtalk.app().groupMessages()).isEmpty();
	}

	private List<DingTalkResponse> sendConcurrently(DingTalkRobot robot) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(SENDERS);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<DingTalkResponse>> futures = new ArrayList<>();
			for (int i = 0; i < SENDERS; i++) {
				String text = "message " + i;
				futures.add(executor.submit(() -> {
					start.await();
					return robot.sendText(text);
				}));
			}
			start.countDown();
			List<DingTalkResponse> responses = new ArrayList<>();
			for (Future<DingTalkResponse> future : futures) {
				responses.add(future.get());
			}
			return responses;
		}
		finally {
			executor.shutdownNow();
		}
	}

}
