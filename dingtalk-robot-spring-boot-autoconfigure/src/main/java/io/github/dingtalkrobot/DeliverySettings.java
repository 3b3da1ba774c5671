package io.github.dingtalkrobot;

import java.time.Duration;

/**
 * How a robot delivers the messages given to
 * {@link io.github.dingtalkrobot.DingTalkRobot#sendAsync sendAsync}: the capacity of its
 * queue, whether waiting text and Markdown messages are merged, the pause after DingTalk
 * throttled it, retries, and how long closing waits for the queue to drain.
 *
 * @param queueCapacity how many messages may wait or be in flight; beyond that
 * {@code sendAsync} fails at once
 * @param coalesce whether consecutive waiting text and Markdown messages are merged into
 * one Markdown message
 * @param throttlePause how long the robot sends nothing after DingTalk answered
 * {@code errcode 130101} or {@code 410100}
 * @param retry how transient failures are retried, by {@code send} and {@code sendAsync}
 * alike
 * @param shutdownTimeout how long closing the robot waits for its queue to drain, in
 * elapsed time whatever the robot's clock
 * @since 0.1.0
 */
public record DeliverySettings(int queueCapacity, boolean coalesce, Duration throttlePause, RetrySettings retry,
		Duration shutdownTimeout) {

	private static final DeliverySettings DEFAULTS = new DeliverySettings(1000, true, Duration.ofMinutes(10),
			RetrySettings.defaults(), Duration.ofSeconds(10));

	public DeliverySettings {
		SettingsAssert.positive(queueCapacity, "queueCapacity");
		SettingsAssert.positive(throttlePause, "throttlePause");
		if (retry == null) {
			throw new IllegalArgumentException("'retry' must not be null");
		}
		SettingsAssert.notNegative(shutdownTimeout, "shutdownTimeout");
	}

	/**
	 * Return the default settings: a queue of 1000 messages, coalescing on, a pause of 10
	 * minutes, {@link RetrySettings#defaults() default retries} and a shutdown timeout of
	 * 10 seconds.
	 * @return the default settings
	 */
	public static DeliverySettings defaults() {
		return DEFAULTS;
	}

	/**
	 * Return a copy with another queue capacity.
	 * @param queueCapacity how many messages may wait or be in flight
	 * @return new settings
	 */
	public DeliverySettings withQueueCapacity(int queueCapacity) {
		return new DeliverySettings(queueCapacity, this.coalesce, this.throttlePause, this.retry, this.shutdownTimeout);
	}

	/**
	 * Return a copy that merges waiting messages or not.
	 * @param coalesce whether to merge waiting text and Markdown messages
	 * @return new settings
	 */
	public DeliverySettings withCoalesce(boolean coalesce) {
		return new DeliverySettings(this.queueCapacity, coalesce, this.throttlePause, this.retry, this.shutdownTimeout);
	}

	/**
	 * Return a copy with another pause after DingTalk throttled the robot.
	 * @param throttlePause how long the robot sends nothing
	 * @return new settings
	 */
	public DeliverySettings withThrottlePause(Duration throttlePause) {
		return new DeliverySettings(this.queueCapacity, this.coalesce, throttlePause, this.retry, this.shutdownTimeout);
	}

	/**
	 * Return a copy with other retry settings.
	 * @param retry how transient failures are retried
	 * @return new settings
	 */
	public DeliverySettings withRetry(RetrySettings retry) {
		return new DeliverySettings(this.queueCapacity, this.coalesce, this.throttlePause, retry, this.shutdownTimeout);
	}

	/**
	 * Return a copy with another shutdown timeout.
	 * @param shutdownTimeout how long closing waits for the queue to drain
	 * @return new settings
	 */
	public DeliverySettings withShutdownTimeout(Duration shutdownTimeout) {
		return new DeliverySettings(this.queueCapacity, this.coalesce, this.throttlePause, this.retry, shutdownTimeout);
	}

}
