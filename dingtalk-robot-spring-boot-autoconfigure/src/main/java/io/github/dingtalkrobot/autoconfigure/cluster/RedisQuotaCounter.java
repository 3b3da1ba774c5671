package io.github.dingtalkrobot.autoconfigure.cluster;

import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.github.dingtalkrobot.autoconfigure.DingTalkQuotaCounter;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Counts the calls of a month in Redis, so that every replica adds to one count: one key
 * a month, {@code <key-prefix>:quota:<yyyy-MM>}, which Redis forgets 40 days after the
 * month's first call. Calls made while Redis cannot be reached are counted here and added
 * to Redis with the next call that reaches it, so counting never holds up a request.
 */
final class RedisQuotaCounter implements DingTalkQuotaCounter {

	private static final Duration KEPT = Duration.ofDays(40);

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	// Calls of each month not yet added to Redis
	private final Map<YearMonth, AtomicLong> unsent = new ConcurrentHashMap<>();

	RedisQuotaCounter(StringRedisTemplate redis, String keyPrefix) {
		this.redis = redis;
		this.keyPrefix = keyPrefix;
	}

	@Override
	public long increment(YearMonth month) {
		AtomicLong unsent = this.unsent.computeIfAbsent(month, (key) -> new AtomicLong());
		long calls = unsent.getAndSet(0) + 1;
		try {
			Long total = this.redis.opsForValue().increment(key(month), calls);
			if (total != null && total == calls) {
				this.redis.expire(key(month), KEPT);
			}
			return (total != null) ? total + unsent.get() : unsent.addAndGet(calls);
		}
		catch (DataAccessException ex) {
			return unsent.addAndGet(calls);
		}
	}

	@Override
	public long get(YearMonth month) {
		AtomicLong unsent = this.unsent.get(month);
		long local = (unsent != null) ? unsent.get() : 0;
		try {
			String counted = this.redis.opsForValue().get(key(month));
			return ((counted != null) ? Long.parseLong(counted) : 0) + local;
		}
		catch (DataAccessException ex) {
			return local;
		}
	}

	private String key(YearMonth month) {
		return this.keyPrefix + ":quota:" + month;
	}

}
