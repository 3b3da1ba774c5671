package io.github.dingtalkrobot.internal.openapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The cached access token of one app. A token is fetched when none is cached, when the
 * cached one is about to expire, and when DingTalk rejected the cached one; callers that
 * need a token at the same time wait for one fetch rather than each fetching.
 */
final class AccessTokens {

	// Refresh this long before expiry, so that a token never expires in flight
	private static final Duration MARGIN = Duration.ofMinutes(5);

	private final Clock clock;

	private final Supplier<Token> fetcher;

	private final Object monitor = new Object();

	private volatile @Nullable Token token;

	AccessTokens(Clock clock, Supplier<Token> fetcher) {
		this.clock = clock;
		this.fetcher = fetcher;
	}

	/**
	 * Return a token that is valid for a while yet, fetching one if needed.
	 * @return the token
	 */
	String current() {
		Token cached = this.token;
		if (cached != null && cached.isFresh(this.clock.instant())) {
			return cached.value();
		}
		synchronized (this.monitor) {
			return fresh(null);
		}
	}

	/**
	 * Return a token other than the one DingTalk rejected, fetching one unless another
	 * caller did so already.
	 * @param rejected the token DingTalk rejected
	 * @return the new token
	 */
	String replace(String rejected) {
		synchronized (this.monitor) {
			return fresh(rejected);
		}
	}

	private String fresh(@Nullable String rejected) {
		Token cached = this.token;
		if (cached != null && cached.isFresh(this.clock.instant()) && !cached.value().equals(rejected)) {
			return cached.value();
		}
		Token fetched = this.fetcher.get();
		this.token = fetched;
		return fetched.value();
	}

	/**
	 * An access token and when to stop using it.
	 *
	 * @param value the token
	 * @param refreshAt when to fetch another
	 */
	record Token(String value, Instant refreshAt) {

		static Token of(String value, Instant fetchedAt, Duration validFor) {
			Duration margin = (validFor.compareTo(MARGIN.multipliedBy(2)) > 0) ? MARGIN : validFor.dividedBy(2);
			return new Token(value, fetchedAt.plus(validFor).minus(margin));
		}

		boolean isFresh(Instant now) {
			return now.isBefore(this.refreshAt);
		}

		@Override
		public String toString() {
			return "Token[refreshAt=" + this.refreshAt + "]";
		}

	}

}
