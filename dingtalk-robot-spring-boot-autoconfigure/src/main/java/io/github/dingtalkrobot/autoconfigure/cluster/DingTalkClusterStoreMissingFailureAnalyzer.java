package io.github.dingtalkrobot.autoconfigure.cluster;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link DingTalkClusterStoreMissingException} at startup.
 */
class DingTalkClusterStoreMissingFailureAnalyzer extends AbstractFailureAnalyzer<DingTalkClusterStoreMissingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DingTalkClusterStoreMissingException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
