package io.github.dingtalkrobot.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times whole-process startups of {@link StartupApplication} with 0, 1 and 50 robots
 * configured, and prints the median of several runs of each. Each run is a fresh JVM, so
 * the figures include JVM start and class loading, as a user would see them.
 *
 * <pre class="code">
 * ./mvnw -q -pl benchmarks -am package -DskipTests -Pstartup
 * </pre>
 */
public final class StartupBenchmark {

	private static final int[] ROBOT_COUNTS = { 0, 1, 50 };

	private StartupBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int runs = (args.length > 0) ? Integer.parseInt(args[0]) : 7;
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classpath = System.getProperty("java.class.path");
		run(java, classpath, 0);
		System.out.printf("%-8s %12s %12s %12s%n", "robots", "median ms", "min ms", "max ms");
		for (int robots : ROBOT_COUNTS) {
			long[] millis = new long[runs];
			for (int i = 0; i < runs; i++) {
				millis[i] = run(java, classpath, robots);
			}
			Arrays.sort(millis);
			System.out.printf("%-8d %12d %12d %12d%n", robots, millis[runs / 2], millis[0], millis[runs - 1]);
		}
	}

	private static long run(String java, String classpath, int robots) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(java, "-cp", classpath, StartupApplication.class.getName(),
				"--logging.level.root=WARN", "--spring.main.banner-mode=off"));
		for (int i = 0; i < robots; i++) {
			command.add("--dingtalk.robots.robot-" + i + ".access-token=token-" + i);
			command.add("--dingtalk.robots.robot-" + i + ".secret=SEC" + i);
		}
		long start = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		int exit = process.waitFor();
		long millis = (System.nanoTime() - start) / 1_000_000;
		if (exit != 0 || !output.contains("robots=" + robots)) {
			throw new IllegalStateException("Startup with " + robots + " robots failed:\n" + output);
		}
		return millis;
	}

}
