package io.github.dingtalkrobot.sample;

import java.util.Map;

import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application when DingTalk throttles a robot. A context of its own, since a
 * throttled robot rightly stays paused for ten minutes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.startup-examples=false")
class SampleApplicationThrottledTests {

	@Test
	void rateLimitedRobotAsksToRetryLater(@Autowired DingTalkEmulator emulator, @Autowired RestClient.Builder builder,
			@LocalServerPort int port) {
		emulator.robot("ops").failNext(1).withErrcode(130101);
		ResponseEntity<Map<String, Object>> response = builder.baseUrl("http://localhost:" + port)
			.defaultStatusHandler((status) -> true, (request, answer) -> {
			})
			.build()
			.post()
			.uri("/alerts")
			.body(new Alert("checkout", "P3", "Slow responses", "13900000002"))
			.retrieve()
			.toEntity(new ParameterizedTypeReference<>() {
			});
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("600");
		assertThat(response.getBody()).containsEntry("errcode", 130101).containsEntry("robot", "ops");
	}

}
