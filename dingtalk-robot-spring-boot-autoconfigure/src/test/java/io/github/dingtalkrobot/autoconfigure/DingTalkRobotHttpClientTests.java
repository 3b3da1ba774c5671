package io.github.dingtalkrobot.autoconfigure;

import java.util.concurrent.CompletableFuture;

import io.github.dingtalkrobot.DingTalkRobots;
import io.github.dingtalkrobot.DingTalkTransportException;
import io.github.dingtalkrobot.RecordedObservations;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the HTTP client that {@link DingTalkRobotAutoConfiguration} gives each robot,
 * against the emulator.
 */
class DingTalkRobotHttpClientTests {

	private static final String TOKEN = "tok-http-3c9e1b";

	private static final String SECRET = "SECf00dfeedc0ffee";

	@AutoClose
	final DingTalkEmulator emulator = DingTalkEmulator.builder().build().start();

	private final EmulatedRobot dingtalk = this.emulator.registerRobot("ops", TOKEN);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkRobotAutoConfiguration.class));

	@Test
	void customizersAreAppliedToEachRobotInOrder() {
		this.contextRunner.withPropertyValues(robot("ops"), robot("team"))
			.withUserConfiguration(CustomizerConfiguration.class)
			.run((context) -> {
				DingTalkRobots robots = context.getBean(DingTalkRobots.class);
				robots.get("ops").sendText("hello");
				robots.get("team").sendText("hello");
				assertThat(this.emulator.requests()).extracting((request) -> request.headers().get("X-Robot"))
					.containsExactly("ops,second", "team,second");
			});
	}

	@Test
	void robotsBuildOnTheApplicationsRestClientBuilder() {
		this.contextRunner.withPropertyValues(robot("ops"))
			.withUserConfiguration(RestClientBuilderConfiguration.class)
			.run((context) -> {
				context.getBean(DingTalkRobots.class).get("ops").sendText("hello");
				assertThat(this.dingtalk.requests()).singleElement()
					.satisfies((request) -> assertThat(request.headers()).containsEntry("X-Application", "sample"));
			});
	}

	@Test
	void readTimeoutIsApplied() {
		CompletableFuture<Void> release = new CompletableFuture<>();
		this.dingtalk.failNext(1).withAnswerHeldUntil(release);
		this.contextRunner.withPropertyValues(robot("ops"), "dingtalk.robots.ops.read-timeout=200ms").run((context) -> {
			try {
				assertThatExceptionOfType(DingTalkTransportException.class)
					.isThrownBy(() -> context.getBean(DingTalkRobots.class).get("ops").sendText("slow"))
					.satisfies((ex) -> assertThat(ex.mayHaveBeenDelivered()).isTrue());
			}
			finally {
				release.complete(null);
			}
		});
	}

	@Test
	void disabledRobotSendsNothing() {
		this.contextRunner.withPropertyValues(robot("ops"), "dingtalk.robots.ops.enabled=false").run((context) -> {
			assertThat(context.getBean(DingTalkRobots.class).get("ops").sendText("not sent").errcode()).isZero();
			assertThat(this.dingtalk.requests()).isEmpty();
		});
	}

	@Test
	void observationsOfRobotRequestsCarryNoTokenOrSignature() {
		RecordedObservations observations = new RecordedObservations();
		this.contextRunner.withPropertyValues(robot("ops"), "dingtalk.robots.ops.secret=" + SECRET)
			.withBean(RestClient.Builder.class, () -> RestClient.builder().observationRegistry(observations.registry()))
			.run((context) -> context.getBean(DingTalkRobots.class).get("ops").sendText("observed"));
		assertThat(this.dingtalk.requests()).hasSize(1);
		String sign = this.dingtalk.requests().get(0).query().get("sign");
		assertThat(observations.keyValues()).anySatisfy((keyValue) -> assertThat(keyValue).startsWith("http.url="));
		assertThat(String.join(" ", observations.keyValues())).doesNotContain(TOKEN, SECRET, sign);
	}

	private String robot(String name) {
		EmulatedRobot robot = name.equals("ops") ? this.dingtalk
				: this.emulator.registerRobot(name, TOKEN + "-" + name);
		return "dingtalk.robots." + name + ".webhook=" + robot.webhook();
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		@Bean
		@Order(2)
		DingTalkRobotCustomizer secondCustomizer() {
			return (name, builder) -> builder
				.defaultHeaders((headers) -> headers.set("X-Robot", headers.getFirst("X-Robot") + ",second"));
		}

		@Bean
		@Order(1)
		DingTalkRobotCustomizer firstCustomizer() {
			return (name, builder) -> builder.defaultHeader("X-Robot", name);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RestClientBuilderConfiguration {

		@Bean
		RestClient.Builder restClientBuilder() {
			return RestClient.builder().defaultHeader("X-Application", "sample");
		}

	}

}
