package io.github.dingtalkrobot;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
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
		List<String> keyValues = new CopyOnWriteArrayList<>();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new RecordingHandler(keyValues));
		try (LoopbackServer server = new LoopbackServer()) {
			DingTalkRobot.builder("ops")
				.webhook(server.webhook(TOKEN))
				.secret(SECRET)
				.restClientBuilder(RestClient.builder().observationRegistry(registry))
				.build()
				.sendText("observed");
		}
		assertThat(keyValues).contains("status=200")
			.anySatisfy((keyValue) -> assertThat(keyValue).startsWith("http.url=")
				.contains("access_token=******", "sign=******"));
		assertThat(String.join(" ", keyValues)).doesNotContain(TOKEN, SECRET);
	}

	private record RecordingHandler(List<String> keyValues) implements ObservationHandler<Observation.Context> {

		@Override
		public void onStop(Observation.Context context) {
			context.getAllKeyValues()
				.forEach((keyValue) -> this.keyValues.add(keyValue.getKey() + "=" + keyValue.getValue()));
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
