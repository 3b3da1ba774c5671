package io.github.dingtalkrobot.autoconfigure.cluster;

import java.time.Duration;

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

	/**
	 * Where each robot's sendAsync messages wait: in the JVM, or in a Redis stream, so
	 * that another replica delivers them when this one stops (needs mode=redis).
	 */
	private Queue queue = Queue.MEMORY;

	/**
	 * How long a message that a stopped replica held waits before another replica
	 * delivers it; also how long a replica's turn to deliver lasts unless renewed.
	 */
	private Duration claimAfter = Duration.ofSeconds(30);

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

	public Queue getQueue() {
		return this.queue;
	}

	public void setQueue(Queue queue) {
		this.queue = queue;
	}

	public Duration getClaimAfter() {
		return this.claimAfter;
	}

	public void setClaimAfter(Duration claimAfter) {
		this.claimAfter = claimAfter;
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

	/**
	 * Where the robots' sendAsync messages wait.
	 */
	public enum Queue {

		/**
		 * In the JVM: what a replica holds is lost when it dies.
		 */
		MEMORY,

		/**
		 * In a Redis stream per robot, delivered by any live replica.
		 */
		REDIS

	}

}
