package io.github.dingtalkrobot.sample;

import java.time.Duration;

import io.github.dingtalkrobot.DingTalkRateLimitedException;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DingTalkExceptionHandler}'s answer to a rate-limited message; the HTTP
 * round trip is in {@link SampleApplicationThrottledTests}.
 */
class DingTalkExceptionHandlerTests {

	private final DingTalkExceptionHandler handler = new DingTalkExceptionHandler(new StaticMessageSource());

	@Test
	void retryAfterRoundsUpToWholeSeconds() {
		ResponseEntity<ProblemDetail> response = this.handler
			.rateLimited(new DingTalkRateLimitedException("ops", "limited", Duration.ofMillis(59_001)));
		assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("60");
	}

	@Test
	void retryAfterOfWholeSecondsStaysAsItIs() {
		ResponseEntity<ProblemDetail> response = this.handler
			.rateLimited(new DingTalkRateLimitedException("ops", 130101, "send too fast"));
		assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("600");
		assertThat(response.getBody().getProperties()).containsEntry("errcode", 130101)
			.containsEntry("fromDingTalk", true);
	}

	@Test
	void refusalByTheRobotsOwnLimitHasNoErrcode() {
		ResponseEntity<ProblemDetail> response = this.handler
			.rateLimited(new DingTalkRateLimitedException("ops", "limited", Duration.ofSeconds(3)));
		assertThat(response.getBody().getProperties()).containsEntry("fromDingTalk", false)
			.doesNotContainKey("errcode");
	}

}
