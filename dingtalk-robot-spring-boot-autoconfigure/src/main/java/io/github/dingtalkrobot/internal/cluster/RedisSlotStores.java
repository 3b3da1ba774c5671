package io.github.dingtalkrobot.internal.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

import io.github.dingtalkrobot.RateLimit;
import io.github.dingtalkrobot.internal.delivery.SlotStore;
import io.github.dingtalkrobot.internal.delivery.SlotStoreFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.util.Assert;

/**
 * Creates the {@link RedisSlotStore Redis store} of each robot, and tells whether Redis
 * could be reached the last time a robot tried. Keys are {@code <key-prefix>:{<hash of
 * the access token>}:<part>}: the hash tag keeps a robot's keys in one slot of a Redis
 * Cluster, and no key or value holds the token.
 *
 * @since 0.1.0
 */
public final class RedisSlotStores implements SlotStoreFactory {

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	private final int localFallbackDivisor;

	private volatile @Nullable Instant unavailableSince;

	/**
	 * Create a factory of Redis stores.
	 * @param redis the template to reach Redis with
	 * @param keyPrefix what every key starts with
	 * @param localFallbackDivisor when Redis cannot be reached, {@code 0} to wait for it,
	 * or the number of replicas whose share of the rate limit each robot then uses on its
	 * own
	 */
	public RedisSlotStores(StringRedisTemplate redis, String keyPrefix, int localFallbackDivisor) {
		Assert.hasText(keyPrefix, "'keyPrefix' must not be empty");
		Assert.isTrue(localFallbackDivisor >= 0, "'localFallbackDivisor' must not be negative");
		this.redis = redis;
		this.keyPrefix = keyPrefix;
		this.localFallbackDivisor = localFallbackDivisor;
	}

	@Override
	public SlotStore create(String robotName, String accessToken, RateLimit rateLimit, Clock clock) {
		String keys = this.keyPrefix + ":{" + hash(accessToken) + "}:";
		return new RedisSlotStore(robotName, this.redis, keys, rateLimit, clock, this.localFallbackDivisor, this);
	}

	/**
	 * Return whether Redis could be reached the last time a robot tried.
	 * @return whether Redis is available
	 */
	public boolean isAvailable() {
		return this.unavailableSince == null;
	}

	/**
	 * Return since when Redis cannot be reached, by the clock of the robot that found
	 * out.
	 * @return the start of the outage, or {@code null} when Redis is available
	 */
	public @Nullable Instant unavailableSince() {
		return this.unavailableSince;
	}

	void available() {
		this.unavailableSince = null;
	}

	void unavailable(Instant now) {
		if (this.unavailableSince == null) {
			this.unavailableSince = now;
		}
	}

	static String hash(String accessToken) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
