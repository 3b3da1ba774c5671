package io.github.dingtalkrobot.benchmarks;

import io.github.dingtalkrobot.DingTalkRobots;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A minimal application with the starter: it starts, reports its robots and stops. The
 * {@link StartupBenchmark} times it as a whole process.
 */
@SpringBootApplication
public class StartupApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(StartupApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setLogStartupInfo(false);
		try (ConfigurableApplicationContext context = application.run(args)) {
			System.out.println("robots=" + context.getBean(DingTalkRobots.class).names().size());
		}
	}

}
