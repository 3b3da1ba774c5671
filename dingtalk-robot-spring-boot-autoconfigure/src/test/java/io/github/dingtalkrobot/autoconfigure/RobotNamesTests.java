package io.github.dingtalkrobot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.dingtalkrobot.autoconfigure.RobotNames.RobotKind;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RobotNames}.
 */
class RobotNamesTests {

	private final StandardEnvironment environment = new StandardEnvironment();

	@Test
	void namesAreTheKeysThatTheBinderGivesTheRobotsInTheSameOrder() {
		add("application", Map.of("dingtalk.robots.deploys.access-token", "a", "dingtalk.robots[Ops_Alerts].secret",
				"SEC1", "dingtalk.robots.reports.rate-limit.messages", "10", "dingtalk.robots.alerts.webhook", "w"));
		this.environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of("DINGTALK_ROBOTS_NIGHTLY_ACCESSTOKEN", "b", "DINGTALK_ROBOTS_ALERTS_SECRET", "SEC2")));
		Map<String, Object> bound = Binder.get(this.environment)
			.bind("dingtalk.robots", Bindable.mapOf(String.class, Object.class))
			.get();
		assertThat(RobotNames.names(this.environment)).containsExactlyElementsOf(bound.keySet())
			.contains("Ops_Alerts", "nightly", "alerts");
	}

	@Test
	void primaryIsTakenFromTheFirstSourceThatSetsItWithPlaceholdersResolved() {
		add("application", Map.of("dingtalk.robots.alerts.primary", "false", "dingtalk.robots.deploys.primary", "true",
				"dingtalk.robots.reports.primary", "${reports-primary}", "reports-primary", "TRUE"));
		this.environment.getPropertySources()
			.addFirst(new MapPropertySource("overrides",
					Map.of("dingtalk.robots.alerts.primary", "true", "dingtalk.robots.deploys.primary", "false")));
		assertThat(RobotNames.kinds(this.environment)).containsEntry("alerts", new RobotKind(true, false))
			.containsEntry("deploys", new RobotKind(false, false))
			.containsEntry("reports", new RobotKind(true, false));
	}

	@Test
	void anAppRobotIsOneWithAPropertyInItsAppSection() {
		add("application", Map.of("dingtalk.robots.assistant.app.client-id", "id", "dingtalk.robots.assistant.secret",
				"SEC1", "dingtalk.robots.alerts.access-token", "a", "dingtalk.robots.alerts.app", ""));
		assertThat(RobotNames.kinds(this.environment)).containsEntry("assistant", new RobotKind(false, true))
			.containsEntry("alerts", new RobotKind(false, false));
	}

	@Test
	void noRobotsGiveNoNames() {
		add("application", Map.of("dingtalk.defaults.read-timeout", "5s"));
		assertThat(RobotNames.kinds(this.environment)).isEmpty();
	}

	private void add(String name, Map<String, Object> properties) {
		this.environment.getPropertySources().addLast(new MapPropertySource(name, new LinkedHashMap<>(properties)));
	}

}
