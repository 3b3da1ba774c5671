package io.github.dingtalkrobot.autoconfigure.logging;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when SLF4J logs through Logback, whose appenders the alerts need, rather than
 * through another binding that happens to have Logback on the classpath.
 */
class OnLogbackLoggerContextCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ILoggerFactory factory = LoggerFactory.getILoggerFactory();
		return (factory instanceof LoggerContext) ? ConditionOutcome.match("SLF4J logs through Logback")
				: ConditionOutcome.noMatch("SLF4J logs through " + factory.getClass().getName() + ", not Logback");
	}

}
