package io.github.dingtalkrobot.autoconfigure.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of robots shared by several replicas of an application.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("dingtalk.cluster")
public class DingTalkClusterProperties {

	/**
	 * Where each robot's rate limit and pause are kept: in each JVM, or in Redis, shared
	 * by every replica that posts to the robot.
	 */
	private Mode mode = Mode.LOCAL;

	/**
	 * Prefix of the Redis keys; a key holds a hash of the robot's access token, never the
	 * token.
	 */
	private String keyPrefix = "dingtalk";

	/**
	 * What a robot does while Redis cannot be reached: wait for it, or send on a local
	 * share of its rate limit.
	 */
	private OnStoreFailure onStoreFailure = OnStoreFailure.WAIT;

	/**
	 * Number of replicas that post to the same robots; with on-store-failure=local, each
	 * sends at most messages / expected-replicas per window while Redis cannot be
	 * reached.
	 */
	private int expectedReplicas = 1;

	public Mode getMode() {
		return this.mode;
	}

	public void setMode(Mode mode) {
		this.mode = mode;
	}

	public String getKeyPrefix() {
		return this.keyPrefix;
	}

	public void setKeyPrefix(String keyPrefix) {
		this.keyPrefix = keyPrefix;
	}

	public OnStoreFailure getOnStoreFailure() {
		return this.onStoreFailure;
	}

	public void setOnStoreFailure(OnStoreFailure onStoreFailure) {
		this.onStoreFailure = onStoreFailure;
	}

	public int getExpectedReplicas() {
		return this.expectedReplicas;
	}

	public void setExpectedReplicas(int expectedReplicas) {
		this.expectedReplicas = expectedReplicas;
	}

	/**
	 * Where the robots' rate limits and pauses are kept.
	 */
	public enum Mode {

		/**
		 * In each JVM: every replica has the whole rate limit to itself.
		 */
		LOCAL,

		/**
		 * In Redis, shared by every replica.
		 */
		REDIS

	}

	/**
	 * What a robot does while Redis cannot be reached.
	 */
	public enum OnStoreFailure {

		/**
		 * Send nothing: queued messages wait and send waits up to the maximum wait.
		 */
		WAIT,

		/**
		 * Send on a local limit of messages / expected-replicas per window.
		 */
		LOCAL

	}

}
