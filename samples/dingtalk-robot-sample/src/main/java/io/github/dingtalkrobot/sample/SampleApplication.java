package io.github.dingtalkrobot.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A web application that notifies two DingTalk groups: production alerts go to the
 * {@code ops} robot, deploy notices and digests to the {@code team} robot.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
