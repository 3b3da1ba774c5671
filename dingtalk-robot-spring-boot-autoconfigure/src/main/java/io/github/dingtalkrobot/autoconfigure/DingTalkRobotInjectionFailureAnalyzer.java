package io.github.dingtalkrobot.autoconfigure;

import java.util.Set;

import io.github.dingtalkrobot.DingTalkRobot;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.beans.factory.UnsatisfiedDependencyException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Explains why a {@link DingTalkRobot} could not be injected: no robot is configured,
 * none has the requested name, or several are and the injection point names none of them.
 * Runs before Spring Boot's generic analyzers of the same failures.
 */
class DingTalkRobotInjectionFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException>
		implements Ordered {

	private final Environment environment;

	DingTalkRobotInjectionFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
		if (cause.getBeanType() != DingTalkRobot.class) {
			return null;
		}
		Set<String> names = RobotNames.names(this.environment);
		String injectionPoint = describeInjectionPoint(rootFailure);
		if (cause instanceof NoUniqueBeanDefinitionException) {
			return new FailureAnalysis(
					injectionPoint + " required a single DingTalkRobot, but " + names.size()
							+ " robots are configured: " + names + ".",
					"Name the robot at the injection point with @Qualifier(\"<name>\"), inject DingTalkRobots and "
							+ "call get(\"<name>\"), or make one robot the default with "
							+ "'dingtalk.robots.<name>.primary=true'.",
					cause);
		}
		if (names.isEmpty()) {
			return new FailureAnalysis(injectionPoint + " required a DingTalkRobot, but no robot is configured.",
					"Configure a robot under 'dingtalk.robots.<name>', with 'webhook' set to the webhook URL "
							+ "copied from the robot's settings in DingTalk.",
					cause);
		}
		return new FailureAnalysis(
				injectionPoint + " required a DingTalkRobot that is not configured. The configured robots are " + names
						+ ".",
				"Use one of the configured names in @Qualifier, or configure the robot under "
						+ "'dingtalk.robots.<name>'.",
				cause);
	}

	private String describeInjectionPoint(Throwable rootFailure) {
		Throwable candidate = rootFailure;
		while (candidate != null) {
			if (candidate instanceof UnsatisfiedDependencyException unsatisfied
					&& unsatisfied.getInjectionPoint() != null) {
				return unsatisfied.getInjectionPoint() + " of bean '" + unsatisfied.getBeanName() + "'";
			}
			candidate = candidate.getCause();
		}
		return "An injection point";
	}

	@Override
	public int getOrder() {
		return 0;
	}

}
