package io.github.dingtalkrobot.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.dingtalkrobot.DeliverySettings;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.RateLimit;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.internal.DefaultDingTalkRobotBuilder;
import io.github.dingtalkrobot.internal.cluster.RedisQueueStores;
import io.github.dingtalkrobot.internal.cluster.RedisSlotStores;
import io.github.dingtalkrobot.message.Message;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The time from a replica's death to the first delivery of its messages by another
 * replica, with the durable queue ({@code dingtalk.cluster.queue=redis}). A replica
 * process queues 100 alerts, sends the first merged message, whose answer the emulator
 * holds, and is killed ({@code destroyForcibly}); a replica in this JVM, connected
 * already, takes the robot's turn once the dead one's expires, claims what it held and
 * sends. The time is dominated by {@code claim-after}, so it is measured for several
 * values and shown next to them. Run it with
 * {@code ./mvnw -pl benchmarks -am package -DskipTests -Pdurable-takeover} (the claim
 * times in ms: {@code -Ddurable-takeover.claim-after=200,1000}).
 */
public final class DurableTakeoverBenchmark {

	private static final String TOKEN = "durable-takeover-benchmark-token";

	private static final int ALERTS = 100;

	private static final int ROUNDS = 3;

	private static final RateLimit DINGTALK = new RateLimit(20, Duration.ofMinutes(1), Duration.ofSeconds(10));

	private DurableTakeoverBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("replica")) {
			replica(Integer.parseInt(args[1]), args[2], Duration.ofMillis(Long.parseLong(args[3])));
			return;
		}
		List<Long> claimTimes = Arrays.stream(((args.length > 0) ? args[0] : "200,1000").split(","))
			.map(String::strip)
			.map(Long::valueOf)
			.toList();
		try (BenchmarkRedis redis = BenchmarkRedis.start()) {
			LettuceConnectionFactory connectionFactory = redis.connectionFactory();
			try {
				System.out.printf(Locale.ROOT,
						"%d alerts queued by a replica process that is killed; %d rounds each%n%n", ALERTS, ROUNDS);
				System.out.printf("%-17s %s%n", "claim-after (ms)", "death to first delivery by another replica (ms)");
				for (long claimAfter : claimTimes) {
					List<Long> takeovers = new ArrayList<>();
					for (int round = 0; round < ROUNDS; round++) {
						takeovers.add(takeover(redis.port(), connectionFactory, Duration.ofMillis(claimAfter)));
					}
					System.out.printf(Locale.ROOT, "%-17d %s%n", claimAfter, takeovers);
				}
			}
			finally {
				connectionFactory.destroy();
			}
		}
	}

	private static long takeover(int port, LettuceConnectionFactory connectionFactory, Duration claimAfter)
			throws Exception {
		StringRedisTemplate template = new StringRedisTemplate(connectionFactory);
		template.execute((connection) -> {
			connection.serverCommands().flushAll();
			return null;
		}, true);
		try (DingTalkEmulator emulator = DingTalkEmulator.builder().build().start()) {
			EmulatedRobot robot = emulator.registerRobot("alerts", TOKEN);
			robot.failNext(1).withAnswerHeldUntil(new CompletableFuture<>());
			Process dying = startReplica(port, robot.webhook(), claimAfter);
			try {
				while (robot.requests().isEmpty()) {
					Thread.sleep(1);
				}
				RedisQueueStores queues = new RedisQueueStores(template, "dingtalk", claimAfter);
				DingTalkRobot survivor = robot(template, queues, robot.webhook());
				try {
					survivor.state();
					dying.destroyForcibly().waitFor();
					Instant death = Instant.now();
					while (robot.requests().size() < 2) {
						Thread.sleep(1);
					}
					return Duration.between(death, robot.requests().get(1).receivedAt()).toMillis();
				}
				finally {
					survivor.close();
					queues.close();
				}
			}
			finally {
				dying.destroyForcibly();
			}
		}
	}

	private static Process startReplica(int port, String webhook, Duration claimAfter) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				DurableTakeoverBenchmark.class.getName(), "replica", String.valueOf(port), webhook,
				String.valueOf(claimAfter.toMillis()))
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
			.readLine();
		if (!"queued".equals(line)) {
			throw new IllegalStateException("The replica process did not queue its alerts");
		}
		return process;
	}

	// The replica that dies: queues its alerts and delivers until it is killed
	private static void replica(int port, String webhook, Duration claimAfter) throws IOException {
		LettuceConnectionFactory connectionFactory = BenchmarkRedis.connectionFactory(port);
		StringRedisTemplate template = new StringRedisTemplate(connectionFactory);
		DingTalkRobot robot = robot(template, new RedisQueueStores(template, "dingtalk", claimAfter), webhook);
		for (int i = 0; i < ALERTS; i++) {
			robot.sendAsync(Message.text("[alert-" + i + "] disk usage on db-" + i + " is above 90%"));
		}
		System.out.println("queued");
		System.out.flush();
		while (System.in.read() != -1) {
			// Killed before its input ends
		}
	}

	private static DingTalkRobot robot(StringRedisTemplate template, RedisQueueStores queues, String webhook) {
		return new DefaultDingTalkRobotBuilder("alerts").slotStores(new RedisSlotStores(template, "dingtalk", 0))
			.queueStores(queues)
			.webhook(webhook)
			.rateLimit(DINGTALK)
			.delivery(DeliverySettings.defaults())
			.build();
	}

}
