package io.github.dingtalkrobot.sample;

import java.util.List;
import java.util.Map;

import io.github.dingtalkrobot.DingTalkRobots;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.micrometer.core.instrument.MeterRegistry;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application's actuator: the robots' metrics, the {@code dingtalk} endpoint
 * and the robots' health, as Spring Boot serves them, with the embedded DingTalk
 * emulator.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.startup-examples=false")
class SampleApplicationActuatorTests {

	@Autowired
	private DingTalkEmulator emulator;

	private RestClient client;

	@BeforeEach
	void createClient(@Autowired RestClient.Builder builder, @LocalServerPort int port) {
		this.client = builder.baseUrl("http://localhost:" + port).build();
	}

	@Test
	void dingtalkEndpointListsBothRobotsWithoutTheirSecrets() {
		String json = this.client.get().uri("/actuator/dingtalk").retrieve().body(String.class);
		assertThat(json).contains("\"name\":\"ops\"", "\"name\":\"team\"", "\"signed\":true", "access_token=******")
			.doesNotContain(this.emulator.robot("ops").accessToken(), this.emulator.robot("ops").secret(),
					this.emulator.robot("team").accessToken());
	}

	@Test
	void dingtalkEndpointAnswersAnUnknownRobotWithAProblemDetail() {
		ResponseEntity<Map<String, Object>> response = this.client.get()
			.uri("/actuator/dingtalk/sales")
			.retrieve()
			.onStatus((status) -> true, (request, answer) -> {
			})
			.toEntity(new ParameterizedTypeReference<>() {
			});
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getBody()).containsEntry("title", "Unknown DingTalk robot")
			.containsEntry("status", 404)
			.containsEntry("knownRobots", List.of("ops", "team"));
	}

	@Test
	void robotsAreMeasuredInBootsMeterRegistry(@Autowired DingTalkRobots robots, @Autowired MeterRegistry registry) {
		robots.get("team").sendText("通知: metrics");
		assertThat(registry.get("dingtalk.robot.queue.depth").gauges()).hasSize(2);
		assertThat(registry.get("dingtalk.robot.sends")
			.tags("robot", "team", "msgtype", "text", "outcome", "success", "errcode", "0")
			.timer()
			.count()).isOne();
	}

	@Test
	void robotsAreUpAndNamedInTheHealth() {
		Map<String, Object> health = this.client.get()
			.uri("/actuator/health/dingtalk")
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		assertThat(health).containsEntry("status", "UP");
		assertThat(health).extractingByKey("components")
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsOnlyKeys("ops", "team");
	}

}
