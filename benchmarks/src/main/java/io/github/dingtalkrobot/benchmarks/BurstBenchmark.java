package io.github.dingtalkrobot.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.github.dingtalkrobot.DingTalkException;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.emulator.RecordedRequest;
import io.github.dingtalkrobot.emulator.ScaledClock;
import io.github.dingtalkrobot.internal.webhook.RobotWebhook;
import io.github.dingtalkrobot.internal.webhook.WebhookClient;
import io.github.dingtalkrobot.internal.webhook.WebhookPayload;
import io.github.dingtalkrobot.message.Message;

import org.springframework.web.client.RestClient;

/**
 * A burst of 1,000 alert texts of about 200 bytes to one robot, against the DingTalk
 * emulator with its real limit of 20 messages a minute, on a clock that runs faster than
 * real time (10 times unless the first argument says otherwise). The burst goes once
 * through {@link DingTalkRobot#sendAsync sendAsync}, which keeps to the limit and merges
 * waiting alerts, and once as one request per alert, signed and checked but without a
 * limit, as other libraries send. For each, it prints the alerts whose content arrived,
 * the requests and the messages DingTalk delivered, the {@code 130101} answers, the time
 * to the last delivery in emulated minutes, the alerts lost, and the real time it took.
 * <p>
 * Run it with {@code ./mvnw -pl benchmarks -am package -DskipTests -Pburst}, and
 * {@code -Dburst.speed-up=1000} for another clock.
 */
public final class BurstBenchmark {

	private static final int ALERTS = 1_000;

	// At 10x, a request on loopback takes about as long in emulated time as one to
	// DingTalk in real time; much faster clocks make any sender look slow enough to keep
	// within the limit
	private static final long DEFAULT_SPEED_UP = 10;

	private static final String TOKEN = "burst-benchmark-token";

	private static final String SECRET = "SECburstbenchmark0123456789abcdef";

	private BurstBenchmark() {
	}

	public static void main(String[] args) {
		long speedUp = (args.length > 0) ? Long.parseLong(args[0]) : DEFAULT_SPEED_UP;
		List<String> alerts = IntStream.range(0, ALERTS).mapToObj(BurstBenchmark::alert).toList();
		System.out.printf("%d alerts of %d bytes each to one robot; DingTalk's limit of 20 messages a minute; "
				+ "clock %dx real time%n%n", ALERTS, alerts.get(0).length(), speedUp);
		// Unmeasured runs first, so that neither run pays for class loading and the JIT
		run(alerts, speedUp, BurstBenchmark::sendAsync);
		run(alerts, speedUp, BurstBenchmark::onePerAlert);
		System.out.printf("%-24s %8s %9s %10s %7s %20s %5s %10s%n", "", "arrived", "requests", "delivered", "130101",
				"last delivery (min)", "lost", "real (ms)");
		print("sendAsync (coalescing)", run(alerts, speedUp, BurstBenchmark::sendAsync));
		print("one request per alert", run(alerts, speedUp, BurstBenchmark::onePerAlert));
	}

	private static Result run(List<String> alerts, long speedUp, Sender sender) {
		ScaledClock clock = new ScaledClock(Instant.now(), speedUp);
		try (DingTalkEmulator emulator = DingTalkEmulator.builder().clock(clock).build().start()) {
			EmulatedRobot robot = emulator.registerRobot("alerts", TOKEN).secret(SECRET);
			Instant start = clock.instant();
			long realStart = System.nanoTime();
			sender.send(robot, clock, alerts);
			Duration real = Duration.ofNanos(System.nanoTime() - realStart);
			List<RecordedRequest> delivered = robot.receivedMessages();
			String texts = String.join("\n", delivered.stream().map(RecordedRequest::text).toList());
			long arrived = IntStream.range(0, alerts.size()).filter((i) -> texts.contains(id(i))).count();
			Duration lastDelivery = delivered.stream()
				.map((request) -> Duration.between(start, request.receivedAt()))
				.max(Duration::compareTo)
				.orElse(Duration.ZERO);
			return new Result(arrived, robot.requests().size(), delivered.size(), robot.rateViolations(), lastDelivery,
					alerts.size() - arrived, real);
		}
	}

	private static void sendAsync(EmulatedRobot emulated, Clock clock, List<String> alerts) {
		try (DingTalkRobot robot = DingTalkRobot.builder("alerts")
			.webhook(emulated.webhook())
			.secret(SECRET)
			.clock(clock)
			.build()) {
			CompletableFuture<?>[] sent = alerts.stream()
				.map((alert) -> robot.sendAsync(Message.text(alert)))
				.toArray(CompletableFuture[]::new);
			CompletableFuture.allOf(sent).exceptionally((failure) -> null).join();
		}
	}

	private static void onePerAlert(EmulatedRobot emulated, Clock clock, List<String> alerts) {
		WebhookClient client = new WebhookClient("alerts", RobotWebhook.of(emulated.webhook()), SECRET, clock,
				RestClient::builder);
		for (String alert : alerts) {
			try {
				client.send(WebhookPayload.of(Message.text(alert)));
			}
			catch (DingTalkException ex) {
				// Refused: what a burst without a limit costs
			}
		}
	}

	private static String alert(int i) {
		return id(i) + " CRITICAL disk usage on db-" + String.format(Locale.ROOT, "%03d", i % 250)
				+ ".prod.example.com is " + (90 + i % 10) + "% (threshold 90%) on /var/lib/postgresql; "
				+ "rotate the logs or grow the volume. Runbook: https://runbooks.example.com/disk-full";
	}

	private static String id(int i) {
		return String.format(Locale.ROOT, "[alert-%04d]", i);
	}

	private static void print(String name, Result result) {
		System.out.printf(Locale.ROOT, "%-24s %8d %9d %10d %7d %20.2f %5d %10d%n", name, result.arrived(),
				result.requests(), result.delivered(), result.throttled(), result.lastDelivery().toMillis() / 60_000.0,
				result.lost(), result.real().toMillis());
	}

	@FunctionalInterface
	private interface Sender {

		void send(EmulatedRobot robot, Clock clock, List<String> alerts);

	}

	private record Result(long arrived, int requests, int delivered, int throttled, Duration lastDelivery, long lost,
			Duration real) {

	}

}
