package io.github.dingtalkrobot.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;

import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DingTalkRobots;
import io.github.dingtalkrobot.message.Message;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts {@link StartupApplication} with as many robots as its first argument says, all
 * on one loopback server, and prints the live heap after startup and again after each
 * robot sent as many messages as the second argument says. The live heap is the total of
 * a class histogram, which a full collection precedes ({@code jcmd <pid>
 * GC.class_histogram}, here asked of the JVM itself). {@link PerformanceReport} runs it
 * with 0 and 50 robots, each in its own JVM, and reports the difference.
 */
public final class MemoryProbe {

	private MemoryProbe() {
	}

	public static void main(String[] args) throws Exception {
		int robots = Integer.parseInt(args[0]);
		int sends = Integer.parseInt(args[1]);
		try (LoopbackServer server = new LoopbackServer()) {
			List<String> properties = new ArrayList<>(
					List.of("spring.main.banner-mode=off", "logging.level.root=WARN"));
			for (int i = 0; i < robots; i++) {
				String prefix = "dingtalk.robots.robot-" + i + ".";
				// Each robot its own access token: robots sharing one are refused at
				// startup
				properties.add(prefix + "webhook=" + server.webhook() + "-" + i);
				properties.add(prefix + "secret=" + LoopbackServer.SECRET);
				properties.add(prefix + "rate-limit.messages=1000000");
				properties.add(prefix + "rate-limit.window=1ms");
			}
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StartupApplication.class)
				.web(WebApplicationType.NONE)
				.logStartupInfo(false)
				.properties(properties.toArray(String[]::new))
				.run()) {
				System.out.println("heap-after-startup=" + liveHeapBytes());
				send(context.getBean(DingTalkRobots.class), sends);
				System.out.println("heap-after-sends=" + liveHeapBytes());
			}
		}
	}

	private static void send(DingTalkRobots robots, int sends) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> sent = new ArrayList<>();
			for (String name : robots.names()) {
				DingTalkRobot robot = robots.get(name);
				sent.add(executor.submit(() -> {
					for (int i = 0; i < sends; i++) {
						robot.send(Message.text("Deployment of build " + i + " finished"));
					}
				}));
			}
			for (Future<?> future : sent) {
				future.get();
			}
		}
		finally {
			executor.shutdown();
		}
		executor.awaitTermination(10, TimeUnit.SECONDS);
	}

	private static long liveHeapBytes() throws Exception {
		String histogram = (String) ManagementFactory.getPlatformMBeanServer()
			.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
					new Object[] { new String[0] }, new String[] { String[].class.getName() });
		String[] lines = histogram.strip().split("\n");
		String[] total = lines[lines.length - 1].trim().split("\\s+");
		return Long.parseLong(total[2]);
	}

}
