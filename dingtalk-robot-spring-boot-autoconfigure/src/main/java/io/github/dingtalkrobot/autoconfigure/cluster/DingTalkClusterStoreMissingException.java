package io.github.dingtalkrobot.autoconfigure.cluster;

/**
 * Thrown at startup when {@code dingtalk.cluster.mode=redis} finds no way to reach Redis.
 */
class DingTalkClusterStoreMissingException extends RuntimeException {

	private final String action;

	DingTalkClusterStoreMissingException(String problem, String action) {
		super(problem);
		this.action = action;
	}

	String getAction() {
		return this.action;
	}

}
