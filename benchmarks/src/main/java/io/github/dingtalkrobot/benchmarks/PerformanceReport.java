package io.github.dingtalkrobot.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs every comparison of the performance goals and prints one table: the transport
 * ({@link TransportBenchmark}) against DingTalk's official SDK and against a plain
 * {@code RestClient} on the same request factory, what {@code sendAsync} costs its caller
 * ({@link SendAsyncBenchmark}), startup with 1 and 50 robots against none
 * ({@link StartupBenchmark}), the live heap of 50 robots against none
 * ({@link MemoryProbe}), and a burst of alerts through {@code sendAsync} against one
 * request per alert ({@link BurstBenchmark}), which must see no {@code 130101} answer and
 * lose no alert. Every baseline is measured in the same run as what it is compared with.
 * On an idle two-core machine it takes about twenty minutes.
 *
 * <pre class="code">
 * ./mvnw -pl benchmarks -am package -DskipTests -Pperformance
 * </pre>
 */
public final class PerformanceReport {

	private static final String ROW = "%-40s %16s  %-34s %16s %8s  %s%n";

	private static final Pattern HEAP = Pattern.compile("heap-after-(startup|sends)=(\\d+)");

	// A result line of BurstBenchmark: arrived, requests, delivered, 130101 answers, last
	// delivery, lost
	private static final Pattern BURST = Pattern.compile(
			"(sendAsync \\(coalescing\\)|one request per alert)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+[\\d.]+\\s+(\\d+)");

	private PerformanceReport() {
	}

	public static void main(String[] args) throws Exception {
		int startupRuns = (args.length > 0) ? Integer.parseInt(args[0]) : 10;
		int sends = (args.length > 1) ? Integer.parseInt(args[1]) : 1000;
		Map<String, RunResult> jmh = jmh();
		Map<Integer, StartupBenchmark.Startup> startup = StartupBenchmark.measure(startupRuns);
		Map<String, Long> heapWithout = heap(0, sends);
		Map<String, Long> heapWith = heap(50, sends);
		Map<String, Burst> burst = burst();
		System.out.printf("%n" + ROW, "measured", "figure", "baseline (same run)", "baseline figure", "ratio", "goal");
		double sdk = score(jmh, "officialSdk");
		throughput("robotFromProperties", score(jmh, "robotFromProperties"), "officialSdk", sdk, ">= 1.0x");
		for (String robot : List.of("robotOnOwnTransport", "robotOnBootRequestFactory", "robotWithTimeouts")) {
			throughput(robot, score(jmh, robot), "officialSdk", sdk, "");
		}
		throughput("robotFromProperties", score(jmh, "robotFromProperties"), "restClientOnOwnTransport",
				score(jmh, "restClientOnOwnTransport"), ">= 0.9x");
		throughput("robotOnBootRequestFactory", score(jmh, "robotOnBootRequestFactory"),
				"restClientOnBootRequestFactory", score(jmh, "restClientOnBootRequestFactory"), ">= 0.9x");
		throughput("robotWithTimeouts", score(jmh, "robotWithTimeouts"), "restClientOnJdkHttpClient",
				score(jmh, "restClientOnJdkHttpClient"), ">= 0.9x");
		RunResult sendAsync = jmh.get("sendAsync");
		System.out.printf(ROW, "sendAsync, caller's time at p99",
				micros(sendAsync.getPrimaryResult().getStatistics().getPercentile(99)), "p50 of the same samples",
				micros(sendAsync.getPrimaryResult().getStatistics().getPercentile(50)), "", "<= 20 us at p99");
		StartupBenchmark.Startup none = startup.get(0);
		for (int robots : List.of(1, 50)) {
			StartupBenchmark.Startup with = startup.get(robots);
			String goal = (robots == 1) ? "<= +100 ms" : "<= +250 ms";
			startupRow(robots, "wall until ready", with.readyMillis(), none.readyMillis(), goal);
			startupRow(robots, "CPU", with.cpuMillis(), none.cpuMillis(), "");
			startupRow(robots, "main thread CPU", with.mainThreadCpuMillis(), none.mainThreadCpuMillis(), "");
			startupRow(robots, "wall until ended", with.endedMillis(), none.endedMillis(), "");
		}
		for (String when : List.of("startup", "sends")) {
			long added = heapWith.get(when) - heapWithout.get(when);
			System.out.printf(ROW, "live heap, 50 robots, after " + when, mb(heapWith.get(when)),
					"0 robots, after " + when, mb(heapWithout.get(when)), "+" + mb(added), "< +5 MB");
		}
		Burst coalescing = burst.get("sendAsync (coalescing)");
		Burst onePerAlert = burst.get("one request per alert");
		System.out.printf(ROW, "burst of 1,000 alerts, sendAsync", coalescing.describe(), "one request per alert",
				onePerAlert.describe(), "", "0 130101, 0 lost");
		if (coalescing.throttled() != 0 || coalescing.lost() != 0) {
			throw new IllegalStateException("The burst through sendAsync was throttled or lost alerts: "
					+ coalescing.describe() + "; the delivery guarantees are broken");
		}
		System.out.printf("%n(%d startups of each count; %d sends by each robot before the second heap figure)%n",
				startupRuns, sends);
	}

	private static Map<String, RunResult> jmh() throws Exception {
		Collection<RunResult> results = new Runner(
				new OptionsBuilder().include(TransportBenchmark.class.getName() + "\\.")
					.include(SendAsyncBenchmark.class.getName() + "\\.")
					.build())
			.run();
		Map<String, RunResult> byName = new HashMap<>();
		for (RunResult result : results) {
			String benchmark = result.getParams().getBenchmark();
			byName.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), result);
		}
		return byName;
	}

	private static double score(Map<String, RunResult> jmh, String benchmark) {
		return jmh.get(benchmark).getPrimaryResult().getScore();
	}

	private static void throughput(String measured, double score, String baseline, double baselineScore, String goal) {
		System.out.printf(Locale.ROOT, ROW, measured, String.format(Locale.ROOT, "%,.0f msg/s", score), baseline,
				String.format(Locale.ROOT, "%,.0f msg/s", baselineScore),
				String.format(Locale.ROOT, "%.2fx", score / baselineScore), goal);
	}

	private static void startupRow(int robots, String figure, long millis, long baselineMillis, String goal) {
		System.out.printf(Locale.ROOT, ROW, "startup, " + robots + " robot(s), " + figure, millis + " ms",
				"0 robots, " + figure, baselineMillis + " ms",
				String.format(Locale.ROOT, "%+d ms", millis - baselineMillis), goal);
	}

	private static Map<String, Long> heap(int robots, int sends) throws IOException, InterruptedException {
		String output = run(MemoryProbe.class.getName(), String.valueOf(robots), String.valueOf(sends));
		Map<String, Long> heap = new HashMap<>();
		Matcher matcher = HEAP.matcher(output);
		while (matcher.find()) {
			heap.put(matcher.group(1), Long.parseLong(matcher.group(2)));
		}
		if (heap.size() != 2) {
			throw new IllegalStateException("The memory probe with " + robots + " robots failed:\n" + output);
		}
		return heap;
	}

	private static Map<String, Burst> burst() throws IOException, InterruptedException {
		String output = run(BurstBenchmark.class.getName());
		Map<String, Burst> burst = new HashMap<>();
		Matcher matcher = BURST.matcher(output);
		while (matcher.find()) {
			burst.put(matcher.group(1),
					new Burst(Integer.parseInt(matcher.group(5)), Integer.parseInt(matcher.group(6))));
		}
		if (burst.size() != 2) {
			throw new IllegalStateException("The burst benchmark failed:\n" + output);
		}
		return burst;
	}

	// Runs a main class in a JVM of its own and returns its output
	private static String run(String mainClass, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
						"-Dsun.net.httpserver.nodelay=true", "-cp", System.getProperty("java.class.path"), mainClass));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException(mainClass + " failed:\n" + output);
		}
		return output;
	}

	private static String micros(double micros) {
		return String.format(Locale.ROOT, "%.1f us", micros);
	}

	private static String mb(long bytes) {
		return String.format(Locale.ROOT, "%.2f MB", bytes / (1024.0 * 1024.0));
	}

	/**
	 * What reached DingTalk of a burst.
	 *
	 * @param throttled the {@code 130101} answers
	 * @param lost the alerts whose content never arrived
	 */
	private record Burst(int throttled, int lost) {

		String describe() {
			return this.throttled + " 130101, " + this.lost + " lost";
		}

	}

}
