package io.github.dingtalkrobot.internal.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.dingtalkrobot.DeliverySettings;
import io.github.dingtalkrobot.DingTalkException;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.RateLimit;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.emulator.ScaledClock;
import io.github.dingtalkrobot.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sixteen threads sending through two robots, synchronously and asynchronously, while a
 * fifth of the requests get a fault, on a clock that runs a thousand times faster than
 * real time: every message is delivered exactly once or reported failed, and DingTalk
 * never sees a robot exceed its rate limit.
 */
class DeliveryConcurrencyTests {

	private static final int PRODUCERS = 16;

	private static final int MESSAGES_PER_PRODUCER = 25;

	private static final Pattern MESSAGE_ID = Pattern.compile("\\[(p\\d+-m\\d+)]");

	private final ScaledClock clock = new ScaledClock(Instant.parse("2025-11-28T08:00:00Z"), 1000);

	@RegisterExtension
	final RobotsUnderTest dingtalk = new RobotsUnderTest(this.clock);

	private final Random random = new Random(20251128);

	private final AtomicInteger injectedFaults = new AtomicInteger();

	private final Map<String, Boolean> reported = new ConcurrentHashMap<>();

	@Test
	void everyMessageIsDeliveredExactlyOnceOrReportedFailed() throws Exception {
		List<DingTalkRobot> robots = List.of(robot("ops"), robot("team"));
		ExecutorService producers = Executors.newFixedThreadPool(PRODUCERS);
		List<CompletableFuture<?>> asyncSends = new CopyOnWriteArrayList<>();
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int p = 0; p < PRODUCERS; p++) {
				int producer = p;
				done.add(producers.submit(() -> produce(producer, robots, asyncSends::add)));
			}
			for (Future<?> producer : done) {
				producer.get(60, TimeUnit.SECONDS);
			}
			CompletableFuture.allOf(asyncSends.toArray(CompletableFuture[]::new))
				.handle((result, ex) -> null)
				.get(60, TimeUnit.SECONDS);
		}
		finally {
			producers.shutdownNow();
		}
		Map<String, Integer> deliveries = new ConcurrentHashMap<>();
		this.dingtalk.emulator().robots().forEach((robot) -> robot.receivedMessages().forEach((message) -> {
			Matcher ids = MESSAGE_ID.matcher(message.text());
			while (ids.find()) {
				deliveries.merge(ids.group(1), 1, Integer::sum);
			}
		}));
		assertThat(this.reported).hasSize(PRODUCERS * MESSAGES_PER_PRODUCER);
		this.reported.forEach((id, delivered) -> assertThat(deliveries.getOrDefault(id, 0)).as("deliveries of %s", id)
			.isEqualTo(delivered ? 1 : 0));
		assertThat(deliveries.keySet()).isSubsetOf(this.reported.keySet());
		assertThat(this.injectedFaults.get()).isGreaterThan(20);
		assertThat(this.reported.values()).filteredOn((delivered) -> delivered).hasSizeGreaterThan(200);
		assertThat(this.dingtalk.emulator().rateViolations()).isZero();
	}

	private void produce(int producer, List<DingTalkRobot> robots, Consumer<CompletableFuture<?>> asyncSends) {
		for (int i = 0; i < MESSAGES_PER_PRODUCER; i++) {
			String id = "p" + producer + "-m" + i;
			DingTalkRobot robot = robots.get((producer + i) % robots.size());
			Message message = Message.text("[" + id + "] from producer " + producer);
			if (i % 2 == 0) {
				asyncSends.accept(robot.sendAsync(message)
					.whenComplete((response, failure) -> this.reported.put(id, failure == null)));
			}
			else {
				try {
					robot.send(message);
					this.reported.put(id, true);
				}
				catch (DingTalkException ex) {
					this.reported.put(id, false);
				}
			}
		}
	}

	private DingTalkRobot robot(String name) {
		EmulatedRobot emulated = this.dingtalk.registerRobot(name, "token-" + name);
		return this.dingtalk.robotFor(emulated,
				(builder) -> builder.restClientBuilder(RestClient.builder().requestInterceptor(faults(emulated)))
					.rateLimit(new RateLimit(20, Duration.ofSeconds(60), Duration.ofHours(1)))
					.delivery(DeliverySettings.defaults().withThrottlePause(Duration.ofMinutes(1))));
	}

	// Tells the emulated robot to fail the request about to be sent, one time in five
	private ClientHttpRequestInterceptor faults(EmulatedRobot emulated) {
		return (request, body, execution) -> {
			int draw = this.random.nextInt(20);
			if (draw < 4) {
				this.injectedFaults.incrementAndGet();
				switch (draw) {
					case 0 -> emulated.failNext(1).withErrcode(-1);
					case 1 -> emulated.failNext(1).withHttpStatus(503);
					case 2 -> emulated.failNext(1).withDroppedConnection();
					default -> emulated.failNext(1).withErrcode(410100);
				}
			}
			return execution.execute(request, body);
		};
	}

}
