package io.github.dingtalkrobot.internal.webhook;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Normalising webhooks and building request URIs.
 */
class RobotWebhookTests {

	private static final String SECRET = "SEC0000000000000000000000000000000000000000000000000000000000000000";

	@Test
	void copiedWebhookKeepsItsTokenAndDropsAnOldSignature() {
		RobotWebhook webhook = RobotWebhook
			.of("https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1&sign=old%2B");
		assertThat(webhook.accessToken()).isEqualTo("abc");
		assertThat(webhook.uri(1, null)).isEqualTo(URI.create("https://oapi.dingtalk.com/robot/send?access_token=abc"));
	}

	@Test
	void accessTokenIsEncodedIntoTheBaseUrl() {
		RobotWebhook webhook = RobotWebhook.of("https://oapi.dingtalk.io/robot/send", "a b");
		assertThat(webhook.uri(1, null).getRawQuery()).isEqualTo("access_token=a%20b");
		assertThat(webhook.accessToken()).isEqualTo("a b");
	}

	@Test
	void signedUriCarriesTheSignEncodedExactlyOnce() {
		URI uri = RobotWebhook.of("https://oapi.dingtalk.com/robot/send?access_token=abc").uri(1, SECRET);
		// Vector "PdraW/9zsF9AWxkkL2mWeUNpH/Q29Y4TmoRi9t4cRnA=" of signatures.json
		assertThat(uri.getRawQuery())
			.isEqualTo("access_token=abc&timestamp=1&sign=PdraW%2F9zsF9AWxkkL2mWeUNpH%2FQ29Y4TmoRi9t4cRnA%3D");
		assertThat(uri.getQuery()).endsWith("sign=PdraW/9zsF9AWxkkL2mWeUNpH/Q29Y4TmoRi9t4cRnA=");
	}

	@Test
	void redactedFormMasksTheToken() {
		RobotWebhook webhook = RobotWebhook.of("http://127.0.0.1:8080/robot/send?access_token=abc&timestamp=1");
		assertThat(webhook.redacted()).isEqualTo("http://127.0.0.1:8080/robot/send?access_token=******");
		assertThat(webhook).hasToString(webhook.redacted());
	}

}
