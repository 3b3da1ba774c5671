package io.github.dingtalkrobot.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the inbox page the {@link DingTalkEmulator} serves at its root.
 */
class InboxHandlerTests {

	private static final String TEXT = "{\"msgtype\":\"text\",\"text\":{\"content\":\"%s\"}}";

	private final DingTalkEmulator emulator = DingTalkEmulator.builder().build().start();

	private final EmulatedRobot ops = this.emulator.registerRobot("ops", "token-ops").secret("SECret");

	private final EmulatedRobot dev = this.emulator.registerRobot("<dev>", "token-dev").keywords("告警");

	@AfterEach
	void closeEmulator() {
		this.emulator.close();
	}

	@Test
	void pageShowsMessagesNewestFirstWithAStrictContentSecurityPolicy() throws IOException {
		sendText(this.dev, "告警 one");
		sendText(this.dev, "告警 two");
		HttpResponse<String> page = get("/");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(InboxHandler.CONTENT_SECURITY_POLICY);
		assertThat(InboxHandler.CONTENT_SECURITY_POLICY).contains("default-src 'none'", "script-src 'self'")
			.doesNotContain("unsafe");
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(page.body()).startsWith("<!DOCTYPE html>")
			.contains("<script src=\"/inbox/inbox.js\" defer></script>")
			.containsSubsequence("告警 two", "告警 one")
			.doesNotContain("token-ops", "SECret", "token-dev");
	}

	@Test
	void pageListsTheRobotsWithTheirSecuritySettingsEscaped() throws IOException {
		this.ops.allowedAddresses("127.0.0.1");
		String page = get("/").body();
		assertThat(page).contains("<a href=\"/\" class=\"selected\" aria-current=\"page\">All robots</a>")
			.contains("<a href=\"/?robot=%3Cdev%3E\">&lt;dev&gt; · keywords 告警</a>")
			.contains("<a href=\"/?robot=ops\">ops · signed · IPs 127.0.0.1</a>");
	}

	@Test
	void pageFiltersByRobot() throws IOException {
		sendText(this.dev, "告警 for dev");
		WebhookClient.post(this.ops.webhook(), String.format(TEXT, "unsigned for ops"));
		String page = get("/?robot=%3Cdev%3E").body();
		assertThat(page).contains("告警 for dev")
			.doesNotContain("unsigned for ops")
			.contains("<main id=\"messages\" data-robot=\"&lt;dev&gt;\">");
	}

	@Test
	void emptyInboxHasNoMessageElements() throws IOException {
		assertThat(get("/").body()).contains("<main id=\"messages\" data-robot=\"\"></main>");
	}

	@Test
	void messagesAfterASequenceAreServedAsAFragmentWithTheInboxSize() throws IOException {
		sendText(this.dev, "告警 one");
		sendText(this.dev, "告警 two");
		sendText(this.dev, "告警 three");
		HttpResponse<String> fragment = get("/inbox/messages?after=1&robot=%3Cdev%3E");
		assertThat(fragment.headers().firstValue("X-Inbox-Size")).hasValue("3");
		assertThat(fragment.body()).startsWith("<article")
			.containsSubsequence("告警 three", "告警 two")
			.doesNotContain("告警 one");
		assertThat(get("/inbox/messages?after=3").body()).isEmpty();
	}

	@Test
	void clearForgetsEveryRequest() throws IOException {
		sendText(this.dev, "告警 one");
		HttpResponse<String> cleared = send(HttpRequest.newBuilder(uri("/inbox/clear"))
			.header(InboxHandler.CLEAR_HEADER, "clear")
			.POST(BodyPublishers.noBody()));
		assertThat(cleared.statusCode()).isEqualTo(204);
		assertThat(this.emulator.requests()).isEmpty();
		assertThat(get("/inbox/messages").headers().firstValue("X-Inbox-Size")).hasValue("0");
	}

	@Test
	void clearWithoutTheInboxHeaderIsForbidden() throws IOException {
		sendText(this.dev, "告警 one");
		HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/inbox/clear")).POST(BodyPublishers.noBody()));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(this.emulator.requests()).hasSize(1);
		assertThat(get("/inbox/clear").statusCode()).isEqualTo(405);
	}

	@Test
	void scriptAndStyleSheetAreServed() throws IOException {
		HttpResponse<String> script = get("/inbox/inbox.js");
		assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript;charset=UTF-8");
		assertThat(script.body()).contains("/inbox/messages?after=");
		assertThat(get("/inbox/inbox.css").body()).contains(".mention");
	}

	@Test
	void unknownPathIsNotFoundAndPostToThePageIsNotAllowed() throws IOException {
		assertThat(get("/nothing").statusCode()).isEqualTo(404);
		HttpResponse<String> post = send(HttpRequest.newBuilder(uri("/")).POST(BodyPublishers.ofString("x")));
		assertThat(post.statusCode()).isEqualTo(405);
		assertThat(post.headers().firstValue("Allow")).hasValue("GET");
	}

	@Test
	void inboxUrlIsTheEmulatorsRoot() {
		assertThat(this.emulator.inboxUrl()).isEqualTo("http://127.0.0.1:" + this.emulator.port() + "/");
	}

	private void sendText(EmulatedRobot robot, String content) {
		assertThat(WebhookClient.post(robot.webhook(), String.format(TEXT, content)).errcode()).isZero();
	}

	private HttpResponse<String> get(String path) throws IOException {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
		return WebhookClient.send(request.build());
	}

	private URI uri(String path) {
		return URI.create(this.emulator.inboxUrl()).resolve(path);
	}

}
