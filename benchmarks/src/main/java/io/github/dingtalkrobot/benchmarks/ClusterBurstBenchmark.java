package io.github.dingtalkrobot.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.emulator.RecordedRequest;
import io.github.dingtalkrobot.emulator.ScaledClock;
import io.github.dingtalkrobot.message.Message;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Three replicas of an application, each a Spring Boot application context, each given a
 * burst of 1,000 alerts of about 190 bytes for the same robot, against the DingTalk
 * emulator with its real rule (20 messages in any 60 seconds, then 10 minutes of
 * {@code 130101}) on a clock that runs faster than real time (20 times unless the first
 * argument says otherwise). The robots' window and throttle pause are scaled to match,
 * since Redis times the shared window in real time. The burst runs once with
 * {@code dingtalk.cluster.mode=redis}, one real {@code redis-server} on loopback, and
 * once with {@code mode=local}, where each replica believes it has the whole budget. For
 * each, it prints the alerts that arrived, the requests, the messages DingTalk delivered,
 * the {@code 130101} answers, the bound {@code ceil(total bytes / 20,000) + 3}, the time
 * to the last delivery in emulated minutes, the alerts lost and the real time it took.
 * <p>
 * Run it with {@code ./mvnw -pl benchmarks -am package -DskipTests -Pcluster-burst}.
 */
public final class ClusterBurstBenchmark {

	private static final int REPLICAS = 3;

	private static final int ALERTS = 1_000;

	private static final String TOKEN = "cluster-burst-benchmark-token";

	// Long enough for the local run to sit out a throttle or two
	private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(120);

	private ClusterBurstBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		long speedUp = (args.length > 0) ? Long.parseLong(args[0]) : 20;
		try (BenchmarkRedis redis = BenchmarkRedis.start()) {
			List<List<String>> alerts = IntStream.range(0, REPLICAS)
				.mapToObj((replica) -> IntStream.range(0, ALERTS).mapToObj((i) -> alert(replica, i)).toList())
				.toList();
			long totalBytes = alerts.stream()
				.flatMap(List::stream)
				.mapToLong((alert) -> alert.getBytes(StandardCharsets.UTF_8).length)
				.sum();
			long bound = (totalBytes + 19_999) / 20_000 + 3;
			System.out.printf(Locale.ROOT,
					"%d replicas x %d alerts of about %d bytes (%,d bytes in all) to one robot; DingTalk's limit of "
							+ "20 messages a minute; clock %dx real time; bound ceil(bytes / 20,000) + 3 = %d%n%n",
					REPLICAS, ALERTS, totalBytes / (REPLICAS * ALERTS), totalBytes, speedUp, bound);
			System.out.printf("%-14s %8s %9s %10s %7s %6s %20s %5s %10s%n", "mode", "arrived", "requests", "delivered",
					"130101", "bound", "last delivery (min)", "lost", "real (ms)");
			for (String mode : List.of("redis", "local")) {
				print(mode, bound, run(mode, redis.port(), speedUp, alerts));
			}
		}
	}

	private static Result run(String mode, int redisPort, long speedUp, List<List<String>> alerts) throws Exception {
		ScaledClock clock = new ScaledClock(Instant.now(), speedUp);
		try (DingTalkEmulator emulator = DingTalkEmulator.builder().clock(clock).build().start()) {
			EmulatedRobot robot = emulator.registerRobot("alerts", TOKEN);
			List<ConfigurableApplicationContext> replicas = new ArrayList<>();
			try {
				for (int i = 0; i < REPLICAS; i++) {
					ConfigurableApplicationContext replica = replica(mode, redisPort, speedUp, robot.webhook());
					// Connected to Redis, as a replica that has been running for a while
					// is
					replica.getBean(DingTalkRobot.class).state();
					replicas.add(replica);
				}
				Instant start = clock.instant();
				long realStart = System.nanoTime();
				List<CompletableFuture<?>> sent = new ArrayList<>();
				List<Thread> senders = new ArrayList<>();
				for (int i = 0; i < REPLICAS; i++) {
					DingTalkRobot replica = replicas.get(i).getBean(DingTalkRobot.class);
					List<String> burst = alerts.get(i);
					Thread sender = new Thread(() -> {
						List<CompletableFuture<?>> futures = burst.stream()
							.<CompletableFuture<?>>map((alert) -> replica.sendAsync(Message.text(alert)))
							.toList();
						synchronized (sent) {
							sent.addAll(futures);
						}
					}, "replica-" + i);
					senders.add(sender);
				}
				senders.forEach(Thread::start);
				for (Thread sender : senders) {
					sender.join();
				}
				try {
					CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
						.exceptionally((failure) -> null)
						.get(GIVE_UP_AFTER.toMillis(), TimeUnit.MILLISECONDS);
				}
				catch (TimeoutException ex) {
					// Counted as lost below
				}
				Duration real = Duration.ofNanos(System.nanoTime() - realStart);
				List<RecordedRequest> delivered = robot.receivedMessages();
				String texts = String.join("\n", delivered.stream().map(RecordedRequest::text).toList());
				long arrived = alerts.stream()
					.flatMap(List::stream)
					.filter((alert) -> texts.contains(id(alert)))
					.count();
				Duration lastDelivery = delivered.stream()
					.map((request) -> Duration.between(start, request.receivedAt()))
					.max(Duration::compareTo)
					.orElse(Duration.ZERO);
				return new Result(arrived, robot.requests().size(), delivered.size(), robot.rateViolations(),
						lastDelivery, REPLICAS * ALERTS - arrived, real);
			}
			finally {
				replicas.forEach(ConfigurableApplicationContext::close);
			}
		}
	}

	private static ConfigurableApplicationContext replica(String mode, int redisPort, long speedUp, String webhook) {
		return new SpringApplicationBuilder(Replica.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("spring.main.banner-mode=off", "logging.level.root=ERROR", "spring.data.redis.host=127.0.0.1",
					"spring.data.redis.port=" + redisPort, "spring.data.redis.timeout=2s",
					"dingtalk.cluster.mode=" + mode, "dingtalk.robots.alerts.webhook=" + webhook,
					"dingtalk.robots.alerts.rate-limit.window=" + (60_000 / speedUp) + "ms",
					"dingtalk.robots.alerts.delivery.throttle-pause=" + (600_000 / speedUp) + "ms",
					"dingtalk.shutdown-timeout=1s")
			.run();
	}

	private static String alert(int replica, int i) {
		return "[alert-" + replica + "-" + String.format(Locale.ROOT, "%04d", i) + "] CRITICAL disk usage on db-"
				+ String.format(Locale.ROOT, "%03d", i % 250) + ".prod.example.com is " + (90 + i % 10)
				+ "% (threshold 90%) on /var/lib/postgresql; rotate the logs or grow the volume. Runbook: https://runbooks.example.com/disk-full";
	}

	private static String id(String alert) {
		return alert.substring(0, alert.indexOf(']') + 1);
	}

	private static void print(String mode, long bound, Result result) {
		System.out.printf(Locale.ROOT, "%-14s %8d %9d %10d %7d %6d %20.2f %5d %10d%n", mode, result.arrived(),
				result.requests(), result.delivered(), result.throttled(), bound,
				result.lastDelivery().toMillis() / 60_000.0, result.lost(), result.real().toMillis());
	}

	private record Result(long arrived, int requests, int delivered, int throttled, Duration lastDelivery, long lost,
			Duration real) {

	}

	/**
	 * One replica: the starter and Spring Boot's Redis auto-configuration.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Replica {

	}

}
