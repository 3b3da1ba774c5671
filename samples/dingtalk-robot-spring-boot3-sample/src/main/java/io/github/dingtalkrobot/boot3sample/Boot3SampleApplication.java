package io.github.dingtalkrobot.boot3sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot 3.5 application with one DingTalk robot.
 */
@SpringBootApplication
public class Boot3SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(Boot3SampleApplication.class, args);
	}

}
