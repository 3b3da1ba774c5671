package io.github.dingtalkrobot;

import java.time.Duration;

/**
 * How a robot retries a message after a transient failure: the connection was refused,
 * DingTalk answered with an HTTP 5xx status or with {@code errcode -1} (system busy).
 * Attempts are spaced by an exponential backoff with jitter. A request that was sent but
 * got no answer, such as after a read timeout, may already have been posted to the group,
 * so it is retried only when {@link #afterReadTimeout()} says so.
 *
 * @param maxAttempts how many times a message is sent at most, the first time included;
 * {@code 1} never retries
 * @param initialBackoff the backoff before the second attempt
 * @param maxBackoff the longest backoff
 * @param multiplier the factor by which the backoff grows with each attempt
 * @param afterReadTimeout whether to retry a request that was sent but got no answer (a
 * read timeout or a dropped connection), at the risk of posting the message twice
 * @since 0.1.0
 */
public record RetrySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
		boolean afterReadTimeout) {

	private static final RetrySettings DEFAULTS = new RetrySettings(3, Duration.ofMillis(500), Duration.ofSeconds(30),
			2, false);

	private static final RetrySettings NONE = new RetrySettings(1, DEFAULTS.initialBackoff(), DEFAULTS.maxBackoff(),
			DEFAULTS.multiplier(), false);

	public RetrySettings {
		SettingsAssert.positive(maxAttempts, "maxAttempts");
		SettingsAssert.positive(initialBackoff, "initialBackoff");
		SettingsAssert.positive(maxBackoff, "maxBackoff");
		if (maxBackoff.compareTo(initialBackoff) < 0) {
			throw new IllegalArgumentException("'maxBackoff' must not be shorter than 'initialBackoff'");
		}
		if (!(multiplier >= 1 && Double.isFinite(multiplier))) {
			throw new IllegalArgumentException("'multiplier' must be at least 1");
		}
	}

	/**
	 * Return the default retry settings: 3 attempts, backoff from 500 ms doubling up to
	 * 30 s, no retry after a read timeout.
	 * @return the default settings
	 */
	public static RetrySettings defaults() {
		return DEFAULTS;
	}

	/**
	 * Return settings that never retry: every message is sent once.
	 * @return settings with a single attempt
	 */
	public static RetrySettings none() {
		return NONE;
	}

	/**
	 * Return a copy with another number of attempts.
	 * @param maxAttempts how many times a message is sent at most; {@code 1} never
	 * retries
	 * @return new settings
	 */
	public RetrySettings withMaxAttempts(int maxAttempts) {
		return new RetrySettings(maxAttempts, this.initialBackoff, this.maxBackoff, this.multiplier,
				this.afterReadTimeout);
	}

	/**
	 * Return a copy with another backoff before the second attempt.
	 * @param initialBackoff the backoff before the second attempt
	 * @return new settings
	 */
	public RetrySettings withInitialBackoff(Duration initialBackoff) {
		return new RetrySettings(this.maxAttempts, initialBackoff, this.maxBackoff, this.multiplier,
				this.afterReadTimeout);
	}

	/**
	 * Return a copy with another longest backoff.
	 * @param maxBackoff the longest backoff
	 * @return new settings
	 */
	public RetrySettings withMaxBackoff(Duration maxBackoff) {
		return new RetrySettings(this.maxAttempts, this.initialBackoff, maxBackoff, this.multiplier,
				this.afterReadTimeout);
	}

	/**
	 * Return a copy whose backoff grows by another factor.
	 * @param multiplier the factor, at least 1
	 * @return new settings
	 */
	public RetrySettings withMultiplier(double multiplier) {
		return new RetrySettings(this.maxAttempts, this.initialBackoff, this.maxBackoff, multiplier,
				this.afterReadTimeout);
	}

	/**
	 * Return a copy that retries a request that got no answer, or not.
	 * @param afterReadTimeout whether to retry a request that was sent but got no answer
	 * @return new settings
	 */
	public RetrySettings withAfterReadTimeout(boolean afterReadTimeout) {
		return new RetrySettings(this.maxAttempts, this.initialBackoff, this.maxBackoff, this.multiplier,
				afterReadTimeout);
	}

}
