package io.github.dingtalkrobot;

import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a robot's HTTP requests reveal to metrics and traces.
 */
class DingTalkRobotObservationTests {

	private static final String TOKEN = "5d4c3b2a1f0e9d8ctoken";

	private static final String SECRET = "SECobservation0123456789";

	@Test
	void observationsOfRequestsHaveTheTokenAndSignatureMasked() throws Exception {
		RecordedObservations observations = new RecordedObservations();
		try (DingTalkEmulator emulator = DingTalkEmulator.builder().build().start()) {
			DingTalkRobot.builder("ops")
				.webhook(emulator.registerRobot("ops", TOKEN).webhook())
				.secret(SECRET)
				.restClientBuilder(RestClient.builder().observationRegistry(observations.registry()))
				.build()
				.sendText("observed");
		}
		assertThat(observations.keyValues()).contains("status=200")
			.anySatisfy((keyValue) -> assertThat(keyValue).startsWith("http.url=")
				.contains("access_token=******", "sign=******"));
		assertThat(String.join(" ", observations.keyValues())).doesNotContain(TOKEN, SECRET);
	}

}
