package io.github.dingtalkrobot.autoconfigure.actuate.endpoint;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.github.dingtalkrobot.DingTalkApiException;
import io.github.dingtalkrobot.DingTalkRateLimitedException;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DingTalkRobots;
import io.github.dingtalkrobot.autoconfigure.DingTalkRobotAutoConfiguration;
import io.github.dingtalkrobot.autoconfigure.actuate.endpoint.DingTalkEndpoint.RobotDescriptor;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DingTalkEndpointAutoConfiguration} and {@link DingTalkEndpoint}, with
 * robots sending to the emulator.
 */
class DingTalkEndpointAutoConfigurationTests {

	private static final String TOKEN = "tok-endpoint-8e2c4b";

	private static final String OTHER_TOKEN = "tok-endpoint-17a9d3";

	private static final String SECRET = "SECendpoint5a5a5a";

	@AutoClose
	final DingTalkEmulator emulator = DingTalkEmulator.builder().build().start();

	private final EmulatedRobot alerts = this.emulator.registerRobot("alerts", TOKEN)
		.secret(SECRET)
		.keywords("alert", "ops");

	private final EmulatedRobot deploys = this.emulator.registerRobot("deploys", OTHER_TOKEN);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(DingTalkRobotAutoConfiguration.class, DingTalkEndpointAutoConfiguration.class))
		.withPropertyValues("dingtalk.base-url=" + this.emulator.baseUrl(),
				"dingtalk.robots.alerts.webhook=" + this.alerts.webhook(), "dingtalk.robots.alerts.secret=" + SECRET,
				"dingtalk.robots.alerts.keywords=alert,ops", "dingtalk.robots.deploys.access-token=" + OTHER_TOKEN,
				"dingtalk.robots.deploys.rate-limit.messages=10");

	@Test
	void endpointIsNotAvailableUnlessExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(DingTalkEndpoint.class));
	}

	@Test
	void endpointBacksOffWithoutActuator() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=dingtalk")
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.run((context) -> {
				assertThat(context).hasSingleBean(DingTalkRobots.class);
				assertThat(context).doesNotHaveBean(DingTalkEndpoint.class);
			});
	}

	@Test
	void endpointDescribesEachRobot() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=dingtalk").run((context) -> {
			DingTalkRobots robots = context.getBean(DingTalkRobots.class);
			robots.get("alerts").sendText("alert: disk full");
			this.deploys.failNext(1).withErrcode(310000, "keywords not in content");
			assertThatExceptionOfType(DingTalkApiException.class)
				.isThrownBy(() -> robots.get("deploys").sendText("deployed"));
			DocumentContext json = JsonPath.parse(EndpointJson.write(context.getBean(DingTalkEndpoint.class).robots()));
			String host = this.emulator.baseUrl();
			assertThat(this.alerts.receivedMessages()).hasSize(1);
			assertThat(json.<List<String>>read("$.robots[*].name")).containsExactly("alerts", "deploys");
			assertThat(json.<Map<String, Object>>read("$.robots[0]"))
				.containsEntry("webhook", host + "?access_token=******")
				.containsEntry("signed", true)
				.containsEntry("keywords", 2)
				.containsEntry("enabled", true)
				.containsEntry("queueDepth", 0)
				.containsEntry("lastFailure", null)
				.containsKey("lastSuccess");
			assertThat(json.<Map<String, Object>>read("$.robots[0].rateLimit")).containsEntry("messages", 20)
				.containsEntry("window", "PT1M")
				.containsEntry("used", 1)
				.containsEntry("pausedUntil", null);
			assertThat(json.<Object>read("$.robots[0].lastSuccess")).isNotNull();
			assertThat(json.<Map<String, Object>>read("$.robots[1]"))
				.containsEntry("webhook", host + "?access_token=******")
				.containsEntry("signed", false)
				.containsEntry("keywords", 0)
				.containsEntry("lastSuccess", null);
			assertThat(json.<Integer>read("$.robots[1].rateLimit.messages")).isEqualTo(10);
			assertThat(json.<Integer>read("$.robots[1].lastFailure.errcode")).isEqualTo(310000);
			assertThat(json.<Object>read("$.robots[1].lastFailure.time")).isNotNull();
		});
	}

	@Test
	void endpointDescribesOneRobotByName() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=dingtalk").run((context) -> {
			DingTalkEndpoint endpoint = context.getBean(DingTalkEndpoint.class);
			RobotDescriptor deploys = endpoint.robot("deploys");
			assertThat(deploys).isNotNull();
			assertThat(deploys.name()).isEqualTo("deploys");
			assertThat(deploys.signed()).isFalse();
			assertThat(endpoint.robot("unknown")).isNull();
		});
	}

	@Test
	void robotsConfiguredElsewhereHaveUnknownConfiguration() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DingTalkRobotAutoConfiguration.class,
					DingTalkEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=dingtalk")
			.withBean(DingTalkRobots.class,
					() -> DingTalkRobots.of(List.of(DingTalkRobot.builder("own")
						.webhook(this.emulator.registerRobot("own", "tok-endpoint-own").webhook())
						.build())))
			.run((context) -> {
				context.getBean(DingTalkRobots.class).get("own").sendText("hello");
				RobotDescriptor own = context.getBean(DingTalkEndpoint.class).robot("own");
				assertThat(own).isNotNull();
				assertThat(own.lastSuccess()).isNotNull();
				assertThat(own.rateLimit().used()).isOne();
				assertThat(own.webhook()).isNull();
				assertThat(own.signed()).isNull();
				assertThat(own.enabled()).isNull();
				assertThat(own.rateLimit().messages()).isNull();
			});
	}

	@Test
	void refusalByTheRobotsOwnRateLimitShowsNoFailure() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=dingtalk",
					"dingtalk.robots.deploys.rate-limit.messages=1", "dingtalk.robots.deploys.rate-limit.max-wait=0")
			.run((context) -> {
				DingTalkRobot deploys = context.getBean(DingTalkRobots.class).get("deploys");
				deploys.sendText("deployed");
				assertThatExceptionOfType(DingTalkRateLimitedException.class)
					.isThrownBy(() -> deploys.sendText("deployed again"));
				RobotDescriptor descriptor = context.getBean(DingTalkEndpoint.class).robot("deploys");
				assertThat(descriptor.lastFailure()).isNull();
				assertThat(descriptor.lastSuccess()).isNotNull();
				assertThat(EndpointJson.write(descriptor)).doesNotContain("130101").doesNotContain("errcode");
			});
	}

	@Test
	void unknownRobotIsNotFoundWithAProblemDetailOverHttp() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=dingtalk").run((context) -> {
			DingTalkEndpointWebExtension extension = context.getBean(DingTalkEndpointWebExtension.class);
			WebEndpointResponse<Object> unknown = extension.robot("sales");
			assertThat(unknown.getStatus()).isEqualTo(404);
			assertThat(unknown.getBody()).asInstanceOf(InstanceOfAssertFactories.MAP)
				.containsEntry("title", "Unknown DingTalk robot")
				.containsEntry("status", 404)
				.containsEntry("detail", "No DingTalk robot named 'sales'")
				.containsEntry("knownRobots", List.of("alerts", "deploys"));
			WebEndpointResponse<Object> known = extension.robot("alerts");
			assertThat(known.getStatus()).isEqualTo(200);
			assertThat(known.getBody()).isInstanceOf(RobotDescriptor.class);
		});
	}

	@Test
	void endpointOutputRevealsNoSecret() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=dingtalk").run((context) -> {
			DingTalkRobots robots = context.getBean(DingTalkRobots.class);
			robots.get("alerts").sendText("alert: signed");
			assertThat(this.alerts.receivedMessages()).hasSize(1);
			String sign = this.alerts.requests().get(0).query().get("sign");
			this.deploys.failNext(1).withErrcode(130101);
			assertThatExceptionOfType(DingTalkRateLimitedException.class)
				.isThrownBy(() -> robots.get("deploys").sendText("too fast"));
			String json = EndpointJson.write(context.getBean(DingTalkEndpoint.class).robots());
			assertThat(json).contains("alerts", "deploys", "130101")
				.doesNotContain(TOKEN, OTHER_TOKEN, SECRET, sign, "sign=", "timestamp=");
		});
	}

}
