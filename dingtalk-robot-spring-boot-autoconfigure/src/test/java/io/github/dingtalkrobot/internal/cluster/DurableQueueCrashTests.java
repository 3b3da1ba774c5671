package io.github.dingtalkrobot.internal.cluster;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.dingtalkrobot.DeliverySettings;
import io.github.dingtalkrobot.EmbeddedRedis;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.emulator.RecordedRequest;
import io.github.dingtalkrobot.emulator.ScaledClock;
import io.github.dingtalkrobot.internal.cluster.DurableQueueReplica.Replica;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replicas that die: a {@link DurableQueueReplica} process queues alerts in Redis, sends
 * the first (merged) message, whose answer the emulator holds, and is killed. What it
 * held is delivered by a replica in this JVM, or by the same replica started again, after
 * the claim time, within DingTalk's real limit (20 messages per minute, on a clock 60
 * times faster than real time). The only alerts that may arrive twice are those of the
 * request in flight when the replica died: DingTalk had them, but the replica never
 * recorded that.
 */
class DurableQueueCrashTests {

	private static final String TOKEN = "0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b";

	private static final Duration CLAIM_AFTER = Duration.ofSeconds(1);

	private static final Pattern ALERT = Pattern.compile("\\[alert-(\\d+)]");

	@RegisterExtension
	static final EmbeddedRedis redis = new EmbeddedRedis();

	@AutoClose
	final DingTalkEmulator emulator = DingTalkEmulator.builder()
		.clock(new ScaledClock(Instant.now(), 60))
		.build()
		.start();

	private final EmulatedRobot ops = this.emulator.registerRobot("ops", TOKEN);

	private final List<Process> processes = new ArrayList<>();

	@AfterEach
	void killReplicas() {
		this.processes.forEach(Process::destroyForcibly);
	}

	@Test
	void alertsOfAKilledReplicaAreDeliveredByAnotherOnceWithinTheLimit() throws Exception {
		this.ops.failNext(1).withAnswerHeldUntil(new CompletableFuture<>());
		Process killed = startReplica(500);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.ops.requests().size() == 1);
		try (Replica survivor = Replica.start(redis.template(), this.ops.webhook(), CLAIM_AFTER,
				DeliverySettings.defaults())) {
			killed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			await().atMost(Duration.ofSeconds(30)).until(() -> alertCounts().size() == 500);
			assertEachAlertArrivedOnceButTheInFlightOnes(500);
			assertThat(survivor.failures()).isEmpty();
		}
	}

	@Test
	void restartedReplicaDeliversWhatItLeftPending() throws Exception {
		this.ops.failNext(1).withAnswerHeldUntil(new CompletableFuture<>());
		Process killed = startReplica(150);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.ops.requests().size() == 1);
		killed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		Process restarted = startReplica(0);
		await().atMost(Duration.ofSeconds(30)).until(() -> alertCounts().size() == 150);
		assertEachAlertArrivedOnceButTheInFlightOnes(150);
		restarted.getOutputStream().close();
		assertThat(restarted.waitFor(10, TimeUnit.SECONDS)).isTrue();
	}

	private void assertEachAlertArrivedOnceButTheInFlightOnes(int count) {
		List<Integer> inFlight = alerts(this.ops.receivedMessages().get(0));
		Map<Integer, Long> counts = alertCounts();
		assertThat(counts).containsOnlyKeys(IntStream.range(0, count).boxed().toList());
		assertThat(counts)
			.allSatisfy((alert, times) -> assertThat(times).isLessThanOrEqualTo(inFlight.contains(alert) ? 2 : 1));
		assertThat(this.ops.rateViolations()).isZero();
	}

	private Map<Integer, Long> alertCounts() {
		return this.ops.receivedMessages()
			.stream()
			.flatMap((request) -> alerts(request).stream())
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

	private static List<Integer> alerts(RecordedRequest request) {
		List<Integer> alerts = new ArrayList<>();
		Matcher matcher = ALERT.matcher(String.valueOf(request.text()));
		while (matcher.find()) {
			alerts.add(Integer.valueOf(matcher.group(1)));
		}
		return alerts;
	}

	// A replica of its own, on this JVM's class path; it says when its alerts are queued
	private Process startReplica(int alerts) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		File errors = Files.createTempFile("durable-queue-replica", ".log").toFile();
		errors.deleteOnExit();
		// Quick to start, light on a busy machine
		Process process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
				System.getProperty("java.class.path"), DurableQueueReplica.class.getName(),
				String.valueOf(redis.port()), this.ops.webhook(), String.valueOf(CLAIM_AFTER.toMillis()),
				String.valueOf(alerts))
			.redirectError(errors)
			.start();
		this.processes.add(process);
		BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		// Read to the end, so that the replica never blocks on a full pipe; logging may
		// print its own status before the replica's line
		CompletableFuture<String> queued = new CompletableFuture<>();
		Thread reader = new Thread(() -> {
			try {
				for (String read = output.readLine(); read != null; read = output.readLine()) {
					if (read.equals("queued")) {
						queued.complete(read);
					}
				}
			}
			catch (IOException ex) {
				// The replica was killed
			}
			queued.complete(null);
		}, "replica-output");
		reader.setDaemon(true);
		reader.start();
		String line = queued.completeOnTimeout(null, 30, TimeUnit.SECONDS).join();
		assertThat(line).as(() -> "replica process did not queue its alerts: " + read(errors)).isEqualTo("queued");
		return process;
	}

	private static String read(File file) {
		try {
			return Files.readString(file.toPath());
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

}
