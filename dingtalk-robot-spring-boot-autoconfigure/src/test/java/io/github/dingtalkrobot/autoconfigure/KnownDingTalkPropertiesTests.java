package io.github.dingtalkrobot.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KnownDingTalkProperties}.
 */
class KnownDingTalkPropertiesTests {

	private final KnownDingTalkProperties metadata = KnownDingTalkProperties.load(getClass().getClassLoader());

	@Test
	void robotsKnowEveryPropertyOfARobotThatTheMetadataKnows() {
		List<String> robotProperties = List.of("dingtalk.robots.ops.webhook", "dingtalk.robots.ops.access-token",
				"dingtalk.robots.ops.secret", "dingtalk.robots.ops.keywords[0]", "dingtalk.robots.ops.primary",
				"dingtalk.robots.ops.enabled", "dingtalk.robots.ops.connect-timeout",
				"dingtalk.robots.ops.read-timeout", "dingtalk.robots.ops.proxy",
				"dingtalk.robots.ops.rate-limit.messages", "dingtalk.robots.ops.rate-limit.window",
				"dingtalk.robots.ops.rate-limit.max-wait", "dingtalk.robots.ops.delivery.queue-capacity",
				"dingtalk.robots.ops.delivery.coalesce", "dingtalk.robots.ops.delivery.throttle-pause",
				"dingtalk.robots.ops.delivery.retry.max-attempts", "dingtalk.robots.ops.delivery.retry.initial-backoff",
				"dingtalk.robots.ops.delivery.retry.max-backoff", "dingtalk.robots.ops.delivery.retry.multiplier",
				"dingtalk.robots.ops.delivery.retry.after-read-timeout", "dingtalk.robots.ops.app.client-id",
				"dingtalk.robots.ops.app.client-secret", "dingtalk.robots.ops.app.robot-code",
				"dingtalk.robots.ops.app.conversation-id", "dingtalk.robots.team-2.rate-limit.max-wait");
		assertThat(robotProperties).allSatisfy((name) -> {
			assertThat(KnownDingTalkProperties.robots().isKnown(ConfigurationPropertyName.of(name))).as(name).isTrue();
			assertThat(this.metadata.isKnown(ConfigurationPropertyName.of(name))).as(name).isTrue();
		});
	}

	@Test
	void robotsLeaveEverythingElseToTheMetadata() {
		assertThat(List.of("dingtalk.robots.ops.secert", "dingtalk.robots.ops.rate-limit.mesages",
				"dingtalk.robots.ops.keywords.first", "dingtalk.defaults.proxy", "dingtalk.logging.robot",
				"dingtalk.base-url"))
			.noneMatch((name) -> KnownDingTalkProperties.robots().isKnown(ConfigurationPropertyName.of(name)));
	}

}
