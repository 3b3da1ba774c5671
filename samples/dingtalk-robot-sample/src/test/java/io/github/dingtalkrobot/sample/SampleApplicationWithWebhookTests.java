package io.github.dingtalkrobot.sample;

import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.emulator.RecordedRequest;
import io.github.dingtalkrobot.test.DingTalkEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static io.github.dingtalkrobot.test.DingTalkEmulatorAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application with a webhook configured for the {@code ops} robot: its
 * messages go to that webhook, here a separate emulator standing in for DingTalk, and
 * only the {@code team} robot falls back to the embedded emulator.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.startup-examples=false")
class SampleApplicationWithWebhookTests {

	private static final String OPS_SECRET = "SECwebhook0123456789abcdef";

	@RegisterExtension
	static final DingTalkEmulatorExtension dingtalk = new DingTalkEmulatorExtension();

	static {
		dingtalk.registerRobot("ops", "ops-token-from-dingtalk").secret(OPS_SECRET);
	}

	@Autowired
	private DingTalkEmulator embeddedEmulator;

	private RestClient client;

	@DynamicPropertySource
	static void opsWebhook(DynamicPropertyRegistry registry) {
		EmulatedRobot ops = dingtalk.robot("ops");
		registry.add("dingtalk.robots.ops.webhook", ops::webhook);
		registry.add("dingtalk.robots.ops.secret", () -> OPS_SECRET);
	}

	@BeforeEach
	void createClient(@Autowired RestClient.Builder builder, @LocalServerPort int port) {
		this.client = builder.baseUrl("http://localhost:" + port).build();
	}

	@Test
	void robotWithWebhookSendsThereAndNotToTheEmbeddedEmulator() {
		SentMessage sent = this.client.post()
			.uri("/alerts")
			.body(new Alert("checkout", "P1", "Payments failing", "13900000005"))
			.retrieve()
			.body(SentMessage.class);
		assertThat(sent).isEqualTo(new SentMessage("ops", "markdown", 0, "ok"));
		assertThat(dingtalk.robot("ops")).receivedText("Payments failing").mentioned("13900000005");
		assertThat(dingtalk.robot("ops").receivedMessages()).allMatch(RecordedRequest::signed);
		assertThat(this.embeddedEmulator.robots()).extracting(EmulatedRobot::name).containsExactly("team");
		assertThat(this.embeddedEmulator.requests()).allMatch((request) -> "team".equals(request.robotName()));
	}

	@Test
	void robotWithoutWebhookStillSendsToTheEmbeddedEmulator() {
		this.client.post()
			.uri("/messages/text")
			.body(new MessageController.Text("team", "Release train leaves at 16:00"))
			.retrieve()
			.toBodilessEntity();
		assertThat(this.embeddedEmulator.robot("team")).receivedText("Release train leaves at 16:00");
		assertThat(dingtalk.emulator().requests()).isEmpty();
	}

}
