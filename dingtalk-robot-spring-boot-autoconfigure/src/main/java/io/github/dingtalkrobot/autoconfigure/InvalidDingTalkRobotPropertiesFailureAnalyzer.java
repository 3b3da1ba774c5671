package io.github.dingtalkrobot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InvalidDingTalkRobotPropertiesException} at startup.
 */
class InvalidDingTalkRobotPropertiesFailureAnalyzer
		extends AbstractFailureAnalyzer<InvalidDingTalkRobotPropertiesException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidDingTalkRobotPropertiesException cause) {
		return new FailureAnalysis("The DingTalk robots are misconfigured: " + cause.getMessage(), cause.getAction(),
				cause);
	}

}
