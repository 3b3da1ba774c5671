package io.github.dingtalkrobot;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import io.github.dingtalkrobot.emulator.RecordedRequest;
import io.github.dingtalkrobot.message.Message;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Building robots: validation, keywords, disabled robots and what they show of
 * themselves.
 */
@ExtendWith(OutputCaptureExtension.class)
class DingTalkRobotBuilderTests {

	private static final String TOKEN = "9b8c7d6e5f4a3b2c1d0etoken";

	private static final String SECRET = "SECbuilder0123456789secret";

	@AutoClose
	final DingTalkEmulator emulator = DingTalkEmulator.builder().build().start();

	private final EmulatedRobot dingtalk = this.emulator.registerRobot("ops", TOKEN);

	@Test
	void robotWithoutWebhookOrAccessTokenIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> DingTalkRobot.builder("ops").build())
			.withMessageContaining("'webhook'")
			.withMessageContaining("'accessToken'");
	}

	@Test
	void robotWithWebhookAndAccessTokenIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DingTalkRobot.builder("ops").webhook(this.dingtalk.webhook()).accessToken(TOKEN).build())
			.withMessage("Only one of 'webhook' and 'accessToken' may be set");
	}

	@Test
	void robotWithBlankNameIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DingTalkRobot.builder(" ").webhook(this.dingtalk.webhook()).build())
			.withMessage("'name' must not be blank");
	}

	@Test
	void nameThatIsNotLowerCaseLettersDigitsAndHyphensIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DingTalkRobot.builder("Ops Alerts!").webhook(this.dingtalk.webhook()).build())
			.withMessageStartingWith("'name' must be lower-case letters, digits and hyphens");
	}

	@Test
	void webhookWithoutHostIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DingTalkRobot.builder("ops").webhook("https:///robot/send?access_token=x").build())
			.withMessageContaining("'webhook'");
	}

	@Test
	void webhookThatIsNotHttpIsRefusedWithoutRepeatingIt() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> DingTalkRobot.builder("ops").webhook("ftp://example.com/send?access_token=" + TOKEN).build())
			.withMessageContaining("'webhook'")
			.withMessageNotContaining(TOKEN);
	}

	@Test
	void webhookWithoutAccessTokenIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DingTalkRobot.builder("ops").webhook("https://oapi.dingtalk.com/robot/send").build())
			.withMessageContaining("'webhook' must have exactly one access_token");
	}

	@Test
	void webhookThatIsNotAUrlIsRefusedWithoutRepeatingIt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DingTalkRobot.builder("ops").webhook("not a url " + TOKEN).build())
			.withMessageContaining("'webhook'")
			.withMessageNotContaining(TOKEN);
	}

	@Test
	void wholeWebhookGivenAsAccessTokenIsRefusedWithoutRepeatingIt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DingTalkRobot.builder("ops").accessToken(this.dingtalk.webhook()).build())
			.withMessageContaining("'accessToken' must be the token only")
			.withMessageNotContaining(TOKEN);
	}

	@Test
	void baseUrlThatIsNotHttpIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DingTalkRobot.builder("ops").accessToken(TOKEN).baseUrl("file:///robot/send").build())
			.withMessageContaining("'baseUrl'");
	}

	@Test
	void blankKeywordIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DingTalkRobot.builder("ops").webhook(this.dingtalk.webhook()).keywords("告警", " ").build())
			.withMessageContaining("'keywords'");
	}

	@Test
	void nonPositiveTimeoutIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DingTalkRobot.builder("ops")
				.webhook(this.dingtalk.webhook())
				.connectTimeout(Duration.ZERO)
				.build())
			.withMessage("'connectTimeout' must be positive");
	}

	@Test
	void proxyThatIsNotHttpHostAndPortIsRefusedWithoutRepeatingIt() {
		for (String proxy : List.of("https://proxy.example:3128", "http://proxy.example", "http://user:pw@proxy:3128",
				"http://proxy.example:3128/path")) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> DingTalkRobot.builder("ops")
					.webhook(this.dingtalk.webhook())
					.proxy(URI.create(proxy))
					.build())
				.as(proxy)
				.withMessage("'proxy' must be an HTTP proxy given as 'http://host:port'");
		}
	}

	@Test
	void robotSendsThroughItsProxy() {
		try (DingTalkEmulator proxy = DingTalkEmulator.builder().build().start()) {
			proxy.registerRobot("ops", TOKEN);
			// Only the proxy knows where this host is
			try (DingTalkRobot robot = DingTalkRobot.builder("ops")
				.webhook("http://oapi.dingtalk.invalid/robot/send?access_token=" + TOKEN)
				.proxy(URI.create("http://127.0.0.1:" + proxy.port()))
				.build()) {
				assertThat(robot.sendText("through the proxy").errcode()).isZero();
			}
			assertThat(proxy.robot("ops").receivedMessages()).singleElement()
				.satisfies((request) -> assertThat(request.text()).isEqualTo("through the proxy"));
		}
	}

	@Test
	void accessTokenIsSentToTheDefaultBaseUrlUnlessSet() {
		DingTalkRobot robot = DingTalkRobot.builder("ops").accessToken(TOKEN).build();
		assertThat(robot).hasToString(
				"DingTalkRobot[name=ops, webhook=https://oapi.dingtalk.com/robot/send?access_token=******, enabled=true]");
	}

	@Test
	void toStringShowsNameAndRedactedWebhookOnly() {
		DingTalkRobot robot = DingTalkRobot.builder("ops")
			.webhook(this.dingtalk.webhook())
			.secret(SECRET)
			.keywords("告警")
			.build();
		assertThat(robot.toString()).contains("name=ops", "access_token=******").doesNotContain(TOKEN, SECRET, "告警");
	}

	@Test
	void messageWithoutKeywordGetsTheFirstKeyword() {
		DingTalkRobot robot = DingTalkRobot.builder("ops")
			.webhook(this.dingtalk.webhook())
			.keywords(List.of("告警", "alert"))
			.build();
		robot.sendText("disk full");
		assertThat(onlyRequest().body()).contains("\"content\":\"disk full\\n告警\"");
	}

	@Test
	void messageWithAnyKeywordIsSentAsItIs() {
		DingTalkRobot robot = DingTalkRobot.builder("ops")
			.webhook(this.dingtalk.webhook())
			.keywords("告警", "alert")
			.build();
		robot.sendText("alert: disk full");
		assertThat(onlyRequest().body()).contains("\"content\":\"alert: disk full\"");
	}

	@Test
	void disabledRobotLogsInsteadOfSending(CapturedOutput output) {
		DingTalkRobot robot = DingTalkRobot.builder("ops")
			.webhook(this.dingtalk.webhook())
			.secret(SECRET)
			.enabled(false)
			.build();
		DingTalkResponse response = robot.send(Message.markdown("Deployed", "All checks green"));
		assertThat(response.errcode()).isZero();
		assertThat(this.dingtalk.requests()).isEmpty();
		assertThat(output).contains("INFO", "'ops' is disabled", "All checks green").doesNotContain(TOKEN, SECRET);
	}

	@Test
	void callersRestClientBuilderIsLeftUntouched() {
		RestClient.Builder builder = RestClient.builder();
		DingTalkRobot.builder("ops")
			.webhook(this.dingtalk.webhook())
			.restClientBuilder(builder)
			.readTimeout(Duration.ofSeconds(5))
			.build();
		// The robot's size limit and request factory went to its own copy only
		String large = "a".repeat(30000);
		String answer = builder.build().post().uri(this.dingtalk.webhook()).body(large).retrieve().body(String.class);
		assertThat(answer).contains("\"errcode\"");
		assertThat(this.dingtalk.requests()).singleElement()
			.satisfies((request) -> assertThat(request.body()).hasSize(30000));
	}

	@Test
	void robotUsesInterceptorsOfTheGivenBuilder() {
		RestClient.Builder builder = RestClient.builder().requestInterceptor((request, body, execution) -> {
			request.getHeaders().add("X-Trace", "on");
			return execution.execute(request, body);
		});
		DingTalkRobot.builder("ops").webhook(this.dingtalk.webhook()).restClientBuilder(builder).build().sendText("hi");
		assertThat(onlyRequest().headers()).containsEntry("X-Trace", "on");
	}

	private RecordedRequest onlyRequest() {
		assertThat(this.dingtalk.requests()).hasSize(1);
		return this.dingtalk.requests().get(0);
	}

}
