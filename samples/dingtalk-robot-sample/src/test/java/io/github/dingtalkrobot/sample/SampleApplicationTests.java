package io.github.dingtalkrobot.sample;

import java.util.List;
import java.util.Map;

import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.RecordedRequest;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application with no webhook configured: every endpoint sends through the
 * embedded DingTalk emulator, which shows what DingTalk would have received.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private DingTalkEmulator emulator;

	private RestClient client;

	@BeforeEach
	void createClient(@Autowired RestClient.Builder builder, @LocalServerPort int port) {
		// Problem details are answers to check, not failures
		this.client = builder.baseUrl("http://localhost:" + port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	@Test
	void startupExamplesShowEachMessageTypeOnce() {
		assertThat(receivedOnce("ops", "Error rate above 5% for 10 minutes").msgtype()).isEqualTo("markdown");
		assertThat(receivedOnce("ops", "Nightly database backup finished").msgtype()).isEqualTo("text");
		assertThat(receivedOnce("team", "payment-api 2.4.1 deployed to production").msgtype()).isEqualTo("actionCard");
		assertThat(receivedOnce("team", "On call this week: Li Lei").msgtype()).isEqualTo("feedCard");
		assertThat(receivedOnce("team", "Runbook: rolling back a release").msgtype()).isEqualTo("link");
	}

	@Test
	void alertIsMarkdownMentioningTheOnCallPersonThroughTheSignedOpsRobot() {
		ResponseEntity<SentMessage> response = post("/alerts",
				new Alert("checkout", "P2", "Queue depth above 10000", "13900000001"), SentMessage.class);
		assertThat(response.getBody()).isEqualTo(new SentMessage("ops", "markdown", 0, "ok"));
		RecordedRequest alert = receivedOnce("ops", "Queue depth above 10000");
		assertThat(alert.msgtype()).isEqualTo("markdown");
		assertThat(alert.title()).isEqualTo("P2 checkout: Queue depth above 10000");
		assertThat(alert.text()).contains("**Queue depth above 10000**", "@13900000001");
		assertThat(alert.mentions().atMobiles()).containsExactly("13900000001");
		assertThat(alert.signed()).isTrue();
		assertThat(this.emulator.robot("ops").secret()).startsWith("SEC");
	}

	@Test
	void deployNoticeIsActionCardWithReleaseAndRollbackButtons() {
		ResponseEntity<SentMessage> response = post(
				"/deploys", new Deployment("checkout", "1.8.0", "staging",
						"https://example.com/releases/checkout/1.8.0", "https://example.com/deploys/checkout/rollback"),
				SentMessage.class);
		assertThat(response.getBody()).isEqualTo(new SentMessage("team", "actionCard", 0, "ok"));
		RecordedRequest notice = receivedOnce("team", "checkout 1.8.0 deployed to staging");
		assertThat(notice.msgtype()).isEqualTo("actionCard");
		assertThat(notice.text()).contains("checkout 1.8.0 is live in staging");
		Map<?, ?> card = (Map<?, ?>) notice.message().get("actionCard");
		assertThat(card.get("btnOrientation")).isEqualTo("1");
		assertThat(card.get("btns")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.containsExactly(
					Map.of("title", "View release", "actionURL", "https://example.com/releases/checkout/1.8.0"),
					Map.of("title", "Roll back", "actionURL", "https://example.com/deploys/checkout/rollback"));
		assertThat(notice.visibleText()).contains("通知");
		assertThat(notice.signed()).isFalse();
	}

	@Test
	void digestIsFeedCardOfItsItems() {
		Digest digest = new Digest(List.of(
				new Digest.Item("2 deploys yesterday", "https://example.com/d/1", "https://example.com/p/1.png"),
				new Digest.Item("No incidents", "https://example.com/d/2", "https://example.com/p/2.png")));
		ResponseEntity<SentMessage> response = post("/digests", digest, SentMessage.class);
		assertThat(response.getBody()).isEqualTo(new SentMessage("team", "feedCard", 0, "ok"));
		RecordedRequest card = receivedOnce("team", "No incidents");
		assertThat(card.msgtype()).isEqualTo("feedCard");
		assertThat(card.text()).isEqualTo("2 deploys yesterday 通知\nNo incidents");
		Map<?, ?> feedCard = (Map<?, ?>) card.message().get("feedCard");
		assertThat(feedCard.get("links")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.hasSize(2)
			.contains(Map.of("title", "No incidents", "messageURL", "https://example.com/d/2", "picURL",
					"https://example.com/p/2.png"));
	}

	@Test
	void textGoesThroughTheRobotItNames() {
		ResponseEntity<SentMessage> response = post("/messages/text",
				new MessageController.Text("team", "Standup moved to 10:30"), SentMessage.class);
		assertThat(response.getBody()).isEqualTo(new SentMessage("team", "text", 0, "ok"));
		RecordedRequest text = receivedOnce("team", "Standup moved to 10:30");
		assertThat(text.msgtype()).isEqualTo("text");
		assertThat(text.text()).isEqualTo("Standup moved to 10:30\n通知");
	}

	@Test
	void linkGoesThroughTheRobotItNames() {
		ResponseEntity<SentMessage> response = post("/messages/link", new MessageController.Link("ops", "Status page",
				"All systems operational", "https://example.com/status", "https://example.com/s.png"),
				SentMessage.class);
		assertThat(response.getBody()).isEqualTo(new SentMessage("ops", "link", 0, "ok"));
		RecordedRequest link = receivedOnce("ops", "All systems operational");
		assertThat(link.msgtype()).isEqualTo("link");
		assertThat(link.message().get("link"))
			.isEqualTo(Map.of("title", "Status page", "text", "All systems operational", "messageUrl",
					"https://example.com/status", "picUrl", "https://example.com/s.png"));
		assertThat(link.signed()).isTrue();
	}

	@Test
	void unknownRobotIsNotFound() {
		ResponseEntity<Map<String, Object>> response = post("/messages/text",
				new MessageController.Text("sales", "Hello"), JSON_OBJECT);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody()).containsEntry("title", "Unknown DingTalk robot")
			.containsEntry("robot", "sales")
			.containsEntry("knownRobots", List.of("ops", "team"));
	}

	@Test
	void messageThatDingTalkRefusesIsBadGateway() {
		this.emulator.robot("team").failNext(1).withErrcode(430101);
		ResponseEntity<Map<String, Object>> response = post("/messages/link",
				new MessageController.Link("team", "Download", "The new build", "https://example.com/download", null),
				JSON_OBJECT);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
		assertThat(response.getBody()).containsEntry("title", "DingTalk refused the message")
			.containsEntry("robot", "team")
			.containsEntry("errcode", 430101)
			.containsEntry("retryable", false);
	}

	@Test
	void messageTooLargeForDingTalkIsContentTooLargeAndNotSent() {
		int requests = this.emulator.requests().size();
		ResponseEntity<Map<String, Object>> response = post("/messages/text",
				new MessageController.Text("ops", "x".repeat(20_001)), JSON_OBJECT);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(response.getBody()).containsEntry("title", "Message too large for DingTalk")
			.containsEntry("limit", 20_000);
		assertThat(this.emulator.requests()).hasSize(requests);
	}

	@Test
	void messageLostOnTheWayIsBadGateway() {
		this.emulator.robot("team").failNext(1).withDroppedConnection();
		ResponseEntity<Map<String, Object>> response = post("/messages/text",
				new MessageController.Text("team", "Lunch is here"), JSON_OBJECT);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
		assertThat(response.getBody()).containsEntry("title", "Message not sent to DingTalk")
			.containsEntry("robot", "team");
	}

	@Test
	void requestWithoutRequiredFieldsIsBadRequestNamingThem() {
		ResponseEntity<Map<String, Object>> response = post("/alerts",
				Map.of("service", "checkout", "severity", "P2", "onCall", "13900000003"), JSON_OBJECT);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).containsEntry("detail", "Invalid request content: 'summary' must not be blank");
	}

	@Test
	void invalidMessageIsBadRequestAndNotSent() {
		int requests = this.emulator.requests().size();
		ResponseEntity<Map<String, Object>> response = post("/messages/link",
				new MessageController.Link("ops", "Status page", "Mirror", "ftp://example.com/status", null),
				JSON_OBJECT);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).containsEntry("detail",
				"Invalid request content: 'url' must be an http or https URL");
		assertThat(this.emulator.requests()).hasSize(requests);
	}

	@Test
	void invalidFieldsAreNamedAsInTheRequestInAStableOrder() {
		MessageController.Link link = new MessageController.Link("ops", " ", "Mirror", "ftp://example.com/status",
				"file:///status.png");
		for (int i = 0; i < 3; i++) {
			ResponseEntity<Map<String, Object>> response = post("/messages/link", link, JSON_OBJECT);
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(response.getBody()).containsEntry("detail",
					"Invalid request content: 'picUrl' must be an http or https URL, 'title' must not be blank, "
							+ "'url' must be an http or https URL");
		}
	}

	@Test
	void emulatorListsWhatItReceivedWithoutTokensOrSecrets() {
		post("/alerts", new Alert("search", "P1", "Index is read-only", "13900000004"), SentMessage.class);
		ResponseEntity<String> response = this.client.get().uri("/emulator/messages").retrieve().toEntity(String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).doesNotContain(this.emulator.robot("ops").accessToken())
			.doesNotContain(this.emulator.robot("ops").secret())
			.doesNotContain(this.emulator.robot("team").accessToken());
		List<Map<String, Object>> messages = this.client.get()
			.uri("/emulator/messages")
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		assertThat(messages).filteredOn((message) -> "P1 search: Index is read-only".equals(message.get("title")))
			.singleElement()
			.satisfies((message) -> assertThat(message).containsEntry("robot", "ops")
				.containsEntry("msgtype", "markdown")
				.containsEntry("mentions",
						Map.of("atMobiles", List.of("13900000004"), "atUserIds", List.of(), "atAll", false))
				.containsEntry("signed", true)
				.containsEntry("errcode", 0)
				.containsKey("receivedAt"));
	}

	private <T> ResponseEntity<T> post(String path, Object body, Class<T> type) {
		return this.client.post().uri(path).body(body).retrieve().toEntity(type);
	}

	private <T> ResponseEntity<T> post(String path, Object body, ParameterizedTypeReference<T> type) {
		return this.client.post().uri(path).body(body).retrieve().toEntity(type);
	}

	private RecordedRequest receivedOnce(String robot, String text) {
		List<RecordedRequest> messages = this.emulator.robot(robot)
			.receivedMessages()
			.stream()
			.filter((message) -> message.visibleText().contains(text))
			.toList();
		assertThat(messages).as("messages to robot '%s' containing \"%s\"", robot, text).hasSize(1);
		return messages.get(0);
	}

}
