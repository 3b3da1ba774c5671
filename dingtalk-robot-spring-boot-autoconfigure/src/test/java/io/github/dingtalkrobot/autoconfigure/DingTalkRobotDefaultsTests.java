package io.github.dingtalkrobot.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.dingtalkrobot.DingTalkRateLimitedException;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DingTalkRobots;
import io.github.dingtalkrobot.RateLimit;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@code dingtalk.defaults}: what robots inherit, and which HTTP client they
 * use.
 */
class DingTalkRobotDefaultsTests {

	private static final String OPS_TOKEN = "tok-defaults-ops-5e1d";

	private static final String TEAM_TOKEN = "tok-defaults-team-9a7c";

	private final DingTalkEmulator emulator = DingTalkEmulator.builder().build().start();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkRobotAutoConfiguration.class))
		.withPropertyValues("dingtalk.robots.ops.webhook=" + this.emulator.webhook(OPS_TOKEN),
				"dingtalk.robots.team.webhook=" + this.emulator.webhook(TEAM_TOKEN));

	DingTalkRobotDefaultsTests() {
		this.emulator.registerRobot("ops", OPS_TOKEN);
		this.emulator.registerRobot("team", TEAM_TOKEN);
	}

	@AfterEach
	void stopEmulator() {
		this.emulator.close();
	}

	@Test
	void robotsInheritDefaultsAndTheirOwnSettingsWin() {
		this.contextRunner
			.withPropertyValues("dingtalk.defaults.rate-limit.messages=1", "dingtalk.defaults.rate-limit.max-wait=0s",
					"dingtalk.robots.team.rate-limit.messages=2")
			.run((context) -> {
				DingTalkRobotProperties properties = context.getBean(DingTalkRobotProperties.class);
				assertThat(properties.determineRateLimit("ops"))
					.isEqualTo(RateLimit.defaults().withMessages(1).withMaxWait(Duration.ZERO));
				assertThat(properties.determineRateLimit("team").messages()).isEqualTo(2);
				DingTalkRobots robots = context.getBean(DingTalkRobots.class);
				robots.get("ops").sendText("one");
				assertThatExceptionOfType(DingTalkRateLimitedException.class)
					.isThrownBy(() -> robots.get("ops").sendText("two"));
				robots.get("team").sendText("one");
				robots.get("team").sendText("two");
				assertThat(this.emulator.robot("team").receivedMessages()).hasSize(2);
			});
	}

	@Test
	void settingsUnsetEverywhereAreTheRecordsDefaults() {
		this.contextRunner.run((context) -> {
			DingTalkRobotProperties properties = context.getBean(DingTalkRobotProperties.class);
			assertThat(properties.determineRateLimit("ops")).isEqualTo(RateLimit.defaults());
			assertThat(properties.determineEnabled("ops")).isTrue();
		});
	}

	@Test
	void disabledByDefaultRobotsSendNothing() {
		this.contextRunner.withPropertyValues("dingtalk.defaults.enabled=false").run((context) -> {
			context.getBean(DingTalkRobots.class).get("ops").sendText("not sent");
			assertThat(this.emulator.requests()).isEmpty();
		});
	}

	@Test
	void robotSendsThroughItsOwnTransportRatherThanTheRequestFactoryOfBootsBuilder() {
		CountingRequestFactory requestFactory = new CountingRequestFactory();
		this.contextRunner.withBean(RestClient.Builder.class, () -> RestClient.builder().requestFactory(requestFactory))
			.run((context) -> {
				context.getBean(DingTalkRobots.class).get("ops").sendText("hello");
				assertThat(requestFactory.requests).hasValue(0);
				assertThat(this.emulator.robot("ops").receivedMessages()).hasSize(1);
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "spring.http.clients.connect-timeout=2s", "spring.http.client.connect-timeout=2s",
			"spring.http.clients.imperative.factory=simple" })
	void robotWithoutTimeoutOrProxyKeepsTheRequestFactoryOfBootsConfiguredClient(String bootProperty) {
		CountingRequestFactory requestFactory = new CountingRequestFactory();
		this.contextRunner.withBean(RestClient.Builder.class, () -> RestClient.builder().requestFactory(requestFactory))
			.withPropertyValues(bootProperty)
			.run((context) -> {
				context.getBean(DingTalkRobots.class).get("ops").sendText("hello");
				assertThat(requestFactory.requests).hasValue(1);
			});
	}

	@Test
	void robotWithATimeoutOnBootsConfiguredClientUsesTheJdkClientWithIt() {
		CountingRequestFactory requestFactory = new CountingRequestFactory();
		this.contextRunner.withBean(RestClient.Builder.class, () -> RestClient.builder().requestFactory(requestFactory))
			.withPropertyValues("spring.http.clients.connect-timeout=2s", "dingtalk.defaults.read-timeout=5s")
			.run((context) -> {
				context.getBean(DingTalkRobots.class).get("ops").sendText("hello");
				assertThat(requestFactory.requests).hasValue(0);
				assertThat(this.emulator.robot("ops").receivedMessages()).hasSize(1);
			});
	}

	@Test
	void customizerMayGiveARobotAnotherRequestFactory() {
		CountingRequestFactory requestFactory = new CountingRequestFactory();
		this.contextRunner
			.withBean(DingTalkRobotCustomizer.class,
					() -> (robotName, builder) -> builder.requestFactory(requestFactory))
			.run((context) -> {
				context.getBean(DingTalkRobots.class).get("ops").sendText("hello");
				assertThat(requestFactory.requests).hasValue(1);
				assertThat(this.emulator.robot("ops").receivedMessages()).hasSize(1);
			});
	}

	@Test
	void robotWithATimeoutUsesItsOwnRequestFactory() {
		CountingRequestFactory requestFactory = new CountingRequestFactory();
		this.contextRunner.withBean(RestClient.Builder.class, () -> RestClient.builder().requestFactory(requestFactory))
			.withPropertyValues("dingtalk.defaults.read-timeout=5s")
			.run((context) -> {
				context.getBean(DingTalkRobots.class).get("ops").sendText("hello");
				assertThat(requestFactory.requests).hasValue(0);
				assertThat(this.emulator.robot("ops").receivedMessages()).hasSize(1);
			});
	}

	@Test
	void robotsSendThroughTheDefaultProxy() {
		this.contextRunner
			.withPropertyValues("dingtalk.defaults.proxy=http://127.0.0.1:" + this.emulator.port(),
					"dingtalk.robots.ops.webhook=http://oapi.dingtalk.invalid/robot/send?access_token=" + OPS_TOKEN)
			.run((context) -> {
				// Only the proxy knows where this host is
				DingTalkRobot ops = context.getBean(DingTalkRobots.class).get("ops");
				assertThat(ops.sendText("through the proxy").errcode()).isZero();
				assertThat(this.emulator.robot("ops").receivedMessages()).singleElement()
					.satisfies((request) -> assertThat(request.text()).isEqualTo("through the proxy"));
			});
	}

	static class CountingRequestFactory implements ClientHttpRequestFactory {

		private final ClientHttpRequestFactory delegate = new SimpleClientHttpRequestFactory();

		final AtomicInteger requests = new AtomicInteger();

		@Override
		public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
			this.requests.incrementAndGet();
			return this.delegate.createRequest(uri, httpMethod);
		}

	}

}
