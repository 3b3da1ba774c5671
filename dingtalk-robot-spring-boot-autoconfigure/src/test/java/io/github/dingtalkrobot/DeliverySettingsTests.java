package io.github.dingtalkrobot;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RateLimit}, {@link RetrySettings} and {@link DeliverySettings}.
 */
class DeliverySettingsTests {

	@Test
	void defaultsKeepWithinDingTalksLimits() {
		assertThat(RateLimit.defaults()).isEqualTo(new RateLimit(20, Duration.ofSeconds(60), Duration.ofSeconds(10)));
		assertThat(RetrySettings.defaults())
			.isEqualTo(new RetrySettings(3, Duration.ofMillis(500), Duration.ofSeconds(30), 2, false));
		assertThat(RetrySettings.none().maxAttempts()).isOne();
		assertThat(DeliverySettings.defaults()).isEqualTo(new DeliverySettings(1000, true, Duration.ofMinutes(10),
				RetrySettings.defaults(), Duration.ofSeconds(10)));
	}

	@Test
	void eachWithChangesOneSetting() {
		DeliverySettings settings = DeliverySettings.defaults()
			.withQueueCapacity(5)
			.withCoalesce(false)
			.withThrottlePause(Duration.ofMinutes(1))
			.withRetry(RetrySettings.none())
			.withShutdownTimeout(Duration.ZERO);
		assertThat(settings)
			.isEqualTo(new DeliverySettings(5, false, Duration.ofMinutes(1), RetrySettings.none(), Duration.ZERO));
	}

	@Test
	void eachWithOfRateLimitAndRetryChangesOneSetting() {
		Duration second = Duration.ofSeconds(1);
		assertThat(RateLimit.defaults().withMessages(5).withWindow(second).withMaxWait(Duration.ZERO))
			.isEqualTo(new RateLimit(5, second, Duration.ZERO));
		assertThat(RetrySettings.defaults()
			.withMaxAttempts(5)
			.withInitialBackoff(second)
			.withMaxBackoff(Duration.ofMinutes(1))
			.withMultiplier(1.5)
			.withAfterReadTimeout(true)).isEqualTo(new RetrySettings(5, second, Duration.ofMinutes(1), 1.5, true));
	}

	@Test
	void invalidValuesAreRefusedNamingTheField() {
		Duration second = Duration.ofSeconds(1);
		assertThatIllegalArgumentException().isThrownBy(() -> new RateLimit(0, second, second))
			.withMessageContaining("'messages'");
		assertThatIllegalArgumentException().isThrownBy(() -> new RateLimit(20, Duration.ZERO, second))
			.withMessageContaining("'window'");
		assertThatIllegalArgumentException().isThrownBy(() -> new RateLimit(20, second, second.negated()))
			.withMessageContaining("'maxWait'");
		assertThatIllegalArgumentException().isThrownBy(() -> new RetrySettings(0, second, second, 2, false))
			.withMessageContaining("'maxAttempts'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetrySettings(3, second, Duration.ofMillis(10), 2, false))
			.withMessageContaining("'maxBackoff'");
		assertThatIllegalArgumentException().isThrownBy(() -> new RetrySettings(3, second, second, 0.5, false))
			.withMessageContaining("'multiplier'");
		assertThatIllegalArgumentException().isThrownBy(() -> DeliverySettings.defaults().withQueueCapacity(0))
			.withMessageContaining("'queueCapacity'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DeliverySettings.defaults().withThrottlePause(Duration.ZERO))
			.withMessageContaining("'throttlePause'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DeliverySettings.defaults().withShutdownTimeout(second.negated()))
			.withMessageContaining("'shutdownTimeout'");
	}

}
