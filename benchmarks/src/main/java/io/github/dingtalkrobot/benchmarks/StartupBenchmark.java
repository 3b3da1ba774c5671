package io.github.dingtalkrobot.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times whole-process startups of {@link StartupApplication} with 0, 1 and 50 robots
 * configured, and prints the median of several runs of each: the wall-clock time a user
 * waits until the application is ready, the CPU time the process used until then, which a
 * busy machine disturbs far less, and the wall-clock time until the process ended, which
 * adds closing the application. Each run is a fresh JVM, so the figures include JVM start
 * and class loading, and the runs of the three counts alternate, so that a change in the
 * machine's load falls on all three alike.
 *
 * <pre class="code">
 * ./mvnw -q -pl benchmarks -am package -DskipTests -Pstartup
 * </pre>
 */
public final class StartupBenchmark {

	static final int[] ROBOT_COUNTS = { 0, 1, 50 };

	private static final Pattern CPU = Pattern.compile("(?m)^cpu-ms=(\\d+)");

	private static final Pattern MAIN_CPU = Pattern.compile("main-cpu-ms=(\\d+)");

	private StartupBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int runs = (args.length > 0) ? Integer.parseInt(args[0]) : 7;
		System.out.printf("%-8s %14s %14s %20s %14s%n", "robots", "ready ms", "cpu ms", "main thread cpu ms",
				"ended ms");
		measure(runs).forEach((robots, startup) -> System.out.printf("%-8d %14d %14d %20d %14d%n", robots,
				startup.readyMillis(), startup.cpuMillis(), startup.mainThreadCpuMillis(), startup.endedMillis()));
	}

	/**
	 * Start the application {@code runs} times with each count of robots, after one
	 * unmeasured start that warms the file system cache.
	 * @param runs the starts of each count
	 * @return the median startup of each count, in the order of {@link #ROBOT_COUNTS}
	 * @throws Exception if a start failed
	 */
	static Map<Integer, Startup> measure(int runs) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classpath = System.getProperty("java.class.path");
		run(java, classpath, 0);
		long[][] ready = new long[ROBOT_COUNTS.length][runs];
		long[][] cpu = new long[ROBOT_COUNTS.length][runs];
		long[][] mainThreadCpu = new long[ROBOT_COUNTS.length][runs];
		long[][] ended = new long[ROBOT_COUNTS.length][runs];
		for (int i = 0; i < runs; i++) {
			for (int count = 0; count < ROBOT_COUNTS.length; count++) {
				Startup startup = run(java, classpath, ROBOT_COUNTS[count]);
				ready[count][i] = startup.readyMillis();
				cpu[count][i] = startup.cpuMillis();
				mainThreadCpu[count][i] = startup.mainThreadCpuMillis();
				ended[count][i] = startup.endedMillis();
			}
		}
		Map<Integer, Startup> medians = new LinkedHashMap<>();
		for (int count = 0; count < ROBOT_COUNTS.length; count++) {
			medians.put(ROBOT_COUNTS[count], new Startup(median(ready[count]), median(cpu[count]),
					median(mainThreadCpu[count]), median(ended[count])));
		}
		return medians;
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static Startup run(String java, String classpath, int robots) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(java, "-cp", classpath, StartupApplication.class.getName(),
				"--logging.level.root=WARN", "--spring.main.banner-mode=off"));
		for (int i = 0; i < robots; i++) {
			command.add("--dingtalk.robots.robot-" + i + ".access-token=token-" + i);
			command.add("--dingtalk.robots.robot-" + i + ".secret=SEC" + i);
		}
		long start = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		StringBuilder output = new StringBuilder();
		long readyNanos = 0;
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (readyNanos == 0 && line.startsWith(StartupApplication.READY)) {
					readyNanos = System.nanoTime();
				}
				output.append(line).append('\n');
			}
		}
		int exit = process.waitFor();
		long endedNanos = System.nanoTime();
		Matcher cpu = CPU.matcher(output);
		Matcher mainThreadCpu = MAIN_CPU.matcher(output);
		if (exit != 0 || readyNanos == 0 || !output.toString().contains("robots=" + robots) || !cpu.find()
				|| !mainThreadCpu.find()) {
			throw new IllegalStateException("Startup with " + robots + " robots failed:\n" + output);
		}
		return new Startup((readyNanos - start) / 1_000_000, Long.parseLong(cpu.group(1)),
				Long.parseLong(mainThreadCpu.group(1)), (endedNanos - start) / 1_000_000);
	}

	/**
	 * The time a startup took.
	 *
	 * @param readyMillis the wall-clock time from starting the process until the
	 * application was ready
	 * @param cpuMillis the CPU time the process used until the application was ready
	 * @param mainThreadCpuMillis the CPU time of the main thread, which does the whole
	 * startup, until then: the compiler and garbage collector threads, which a busy
	 * machine slows down, left out
	 * @param endedMillis the wall-clock time from starting the process to its end, after
	 * the application was closed
	 */
	record Startup(long readyMillis, long cpuMillis, long mainThreadCpuMillis, long endedMillis) {

	}

}
