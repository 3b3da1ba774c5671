package io.github.dingtalkrobot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.emulator.MutableClock;
import io.github.dingtalkrobot.emulator.RecordedRequest;
import io.github.dingtalkrobot.emulator.WebhookClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One robot used by many threads at once.
 */
class DingTalkRobotConcurrencyTests {

	private static final String SECRET = "SECabcdef0123456789abcdef0123456789abcdef0123456789abcdef01234567";

	private static final int THREADS = 8;

	private static final int MESSAGES_PER_THREAD = 200;

	@Test
	void eightThreadsSendingThroughOneRobotAreAllDeliveredCorrectlySigned() throws Exception {
		try (DingTalkEmulator emulator = DingTalkEmulator.builder().threads(THREADS).build().start()) {
			EmulatedRobot busy = emulator.registerRobot("busy", "abc");
			// DingTalk throttles a robot after 20 messages a minute; this test is about
			// the
			// client's threads, so every request gets DingTalk's success answer
			busy.failNext(Integer.MAX_VALUE).withBody(200, "application/json", "{\"errcode\":0,\"errmsg\":\"ok\"}");
			DingTalkRobot robot = DingTalkRobot.builder("busy")
				.webhook(busy.webhook())
				.secret(SECRET)
				.clock(new MutableClock(Instant.ofEpochMilli(1700000000000L)))
				.rateLimit(new RateLimit(THREADS * MESSAGES_PER_THREAD, Duration.ofMinutes(1), Duration.ZERO))
				.build();
			ExecutorService senders = Executors.newFixedThreadPool(THREADS);
			try {
				List<Future<?>> results = new ArrayList<>();
				for (int thread = 0; thread < THREADS; thread++) {
					int sender = thread;
					results.add(senders.submit(() -> {
						for (int i = 0; i < MESSAGES_PER_THREAD; i++) {
							assertThat(robot.sendText("sender " + sender + " message " + i).errcode()).isZero();
						}
					}));
				}
				for (Future<?> result : results) {
					result.get(60, TimeUnit.SECONDS);
				}
			}
			finally {
				senders.shutdownNow();
			}
			assertThat(busy.requests()).hasSize(THREADS * MESSAGES_PER_THREAD).allSatisfy((request) -> {
				long timestamp = Long.parseLong(request.query().get("timestamp"));
				assertThat(request.query().get("sign")).isEqualTo(WebhookClient.sign(SECRET, timestamp));
			});
			assertThat(busy.requests()).extracting(RecordedRequest::text).doesNotHaveDuplicates();
		}
	}

}
