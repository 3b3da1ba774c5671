package io.github.dingtalkrobot.internal.delivery;

import java.time.Duration;

import io.github.dingtalkrobot.DingTalkApiException;
import io.github.dingtalkrobot.DingTalkRateLimitedException;
import io.github.dingtalkrobot.DingTalkTransportException;
import io.github.dingtalkrobot.RetrySettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RetryPolicy}.
 */
class RetryPolicyTests {

	private final RetryPolicy policy = new RetryPolicy(RetrySettings.defaults(), () -> 0.5);

	@Test
	void transientFailureIsRetriedUntilTheLastAttempt() {
		DingTalkApiException busy = new DingTalkApiException("ops", -1, "系统繁忙");
		assertThat(this.policy.shouldRetry(busy, 1)).isTrue();
		assertThat(this.policy.shouldRetry(busy, 2)).isTrue();
		assertThat(this.policy.shouldRetry(busy, 3)).isFalse();
		assertThat(this.policy.shouldRetry(transport(503, true, false), 1)).isTrue();
		assertThat(this.policy.shouldRetry(transport(null, true, false), 1)).isTrue();
	}

	@Test
	void permanentFailureIsNotRetried() {
		assertThat(this.policy.shouldRetry(new DingTalkApiException("ops", 310000, "sign not match"), 1)).isFalse();
		assertThat(this.policy.shouldRetry(new DingTalkRateLimitedException("ops", 130101, "send too fast"), 1))
			.isFalse();
		assertThat(this.policy.shouldRetry(transport(404, false, false), 1)).isFalse();
	}

	@Test
	void requestWithoutAnswerIsRetriedOnlyWhenAllowed() {
		RetryPolicy afterReadTimeout = new RetryPolicy(
				new RetrySettings(3, Duration.ofMillis(500), Duration.ofSeconds(30), 2, true));
		DingTalkTransportException readTimeout = transport(null, false, true);
		DingTalkTransportException htmlPage = transport(200, false, true);
		assertThat(this.policy.shouldRetry(readTimeout, 1)).isFalse();
		assertThat(afterReadTimeout.shouldRetry(readTimeout, 1)).isTrue();
		assertThat(afterReadTimeout.shouldRetry(readTimeout, 3)).isFalse();
		assertThat(afterReadTimeout.shouldRetry(htmlPage, 1)).isFalse();
	}

	@Test
	void backoffDoublesUpToTheMaximumLessUpToHalfOfItAtRandom() {
		RetrySettings settings = new RetrySettings(10, Duration.ofMillis(500), Duration.ofSeconds(30), 2, false);
		RetryPolicy noJitter = new RetryPolicy(settings, () -> 0.999999);
		RetryPolicy mostJitter = new RetryPolicy(settings, () -> 0);
		assertThat(noJitter.backoff(1)).isBetween(Duration.ofMillis(499), Duration.ofMillis(500));
		assertThat(noJitter.backoff(2)).isBetween(Duration.ofMillis(999), Duration.ofMillis(1000));
		assertThat(noJitter.backoff(3)).isBetween(Duration.ofMillis(1999), Duration.ofMillis(2000));
		assertThat(noJitter.backoff(9)).isBetween(Duration.ofMillis(29999), Duration.ofSeconds(30));
		assertThat(mostJitter.backoff(1)).isEqualTo(Duration.ofMillis(250));
		assertThat(mostJitter.backoff(3)).isEqualTo(Duration.ofSeconds(1));
		assertThat(mostJitter.backoff(9)).isEqualTo(Duration.ofSeconds(15));
		assertThat(this.policy.backoff(2)).isEqualTo(Duration.ofMillis(750));
	}

	private static DingTalkTransportException transport(Integer status, boolean retryable,
			boolean mayHaveBeenDelivered) {
		return new DingTalkTransportException("ops", "failed", status, retryable, mayHaveBeenDelivered, null);
	}

}
