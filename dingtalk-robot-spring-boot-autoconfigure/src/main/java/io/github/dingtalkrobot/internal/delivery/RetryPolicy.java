package io.github.dingtalkrobot.internal.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import io.github.dingtalkrobot.DingTalkException;
import io.github.dingtalkrobot.DingTalkTransportException;
import io.github.dingtalkrobot.RetrySettings;

/**
 * Decides whether a failed attempt is tried again, and after how long.
 */
final class RetryPolicy {

	private final RetrySettings settings;

	private final DoubleSupplier jitter;

	RetryPolicy(RetrySettings settings) {
		this(settings, () -> ThreadLocalRandom.current().nextDouble());
	}

	/**
	 * Create a policy.
	 * @param settings the retry settings
	 * @param jitter random values from 0 (inclusive) to 1 (exclusive)
	 */
	RetryPolicy(RetrySettings settings, DoubleSupplier jitter) {
		this.settings = settings;
		this.jitter = jitter;
	}

	/**
	 * Return whether to try again after a failed attempt.
	 * @param failure why the attempt failed
	 * @param attempt the number of the attempt that failed, from 1
	 * @return whether to try again
	 */
	boolean shouldRetry(DingTalkException failure, int attempt) {
		return attempt < this.settings.maxAttempts() && (failure.isRetryable() || isUnansweredRetry(failure));
	}

	private boolean isUnansweredRetry(DingTalkException failure) {
		return this.settings.afterReadTimeout() && failure instanceof DingTalkTransportException transport
				&& transport.mayHaveBeenDelivered() && transport.statusCode().isEmpty();
	}

	/**
	 * Return how long to wait after a failed attempt: the exponential backoff for it,
	 * capped at the maximum, less a random part of up to half of it, so that robots that
	 * failed together do not retry together.
	 * @param attempt the number of the attempt that failed, from 1
	 * @return the time to wait
	 */
	Duration backoff(int attempt) {
		double exponential = this.settings.initialBackoff().toNanos()
				* Math.pow(this.settings.multiplier(), attempt - 1);
		double capped = Math.min(exponential, this.settings.maxBackoff().toNanos());
		return Duration.ofNanos((long) (capped / 2 + capped / 2 * this.jitter.getAsDouble()));
	}

}
