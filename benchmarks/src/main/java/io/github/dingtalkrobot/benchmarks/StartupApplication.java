package io.github.dingtalkrobot.benchmarks;

import java.lang.management.ManagementFactory;

import com.sun.management.OperatingSystemMXBean;
import io.github.dingtalkrobot.DingTalkRobots;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A minimal application with the starter: it starts, reports its robots and the CPU time
 * that its process and its main thread, which does the whole startup, used until then,
 * and stops. The {@link StartupBenchmark} times it as a whole process. Redis, which the
 * cluster benchmarks put on the class path, stays out, as it would be out of a minimal
 * application.
 */
@SpringBootApplication(excludeName = { "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration" })
public class StartupApplication {

	/**
	 * The start of the first line printed once the application is ready.
	 */
	static final String READY = "robots=";

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(StartupApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setLogStartupInfo(false);
		try (ConfigurableApplicationContext context = application.run(args)) {
			long cpuNanos = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class).getProcessCpuTime();
			long mainCpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
			// Read by the benchmark as the moment the application is ready
			System.out.println(READY + context.getBean(DingTalkRobots.class).names().size());
			System.out.println("cpu-ms=" + cpuNanos / 1_000_000);
			System.out.println("main-cpu-ms=" + mainCpuNanos / 1_000_000);
		}
	}

}
