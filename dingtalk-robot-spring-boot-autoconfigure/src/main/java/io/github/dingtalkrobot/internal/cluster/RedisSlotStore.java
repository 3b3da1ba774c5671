package io.github.dingtalkrobot.internal.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.RateLimit;
import io.github.dingtalkrobot.internal.delivery.RobotRateLimiter;
import io.github.dingtalkrobot.internal.delivery.SlotStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.log.LogMessage;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * A robot's rate limit and pause kept in Redis, shared by every replica that sends with
 * the same access token. Each operation is one Lua script, atomic in Redis and timed by
 * Redis's clock ({@code TIME}), so that the replicas' clocks do not matter; the robot's
 * clock only times how long this replica waits. Counts as {@link RobotRateLimiter} does:
 * a slot is held from before the request until its answer came, then for one window.
 * <p>
 * When Redis cannot be reached, the robot either waits for it, trying again with a
 * backoff, or sends on a local limit of its share of the messages. When Redis answers
 * again after this replica sent on its local limit, or after Redis lost what it held,
 * nothing is sent for one window, so that sends Redis does not know of cannot add up to
 * more than DingTalk's budget. A pause is also kept locally, so that it holds while Redis
 * cannot be reached.
 */
final class RedisSlotStore implements SlotStore {

	static final String STORE = "Redis";

	private static final Log logger = LogFactory.getLog(DingTalkRobot.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> ACQUIRE = script("acquire.lua", List.class);

	private static final RedisScript<Long> COMPLETE = script("complete.lua", Long.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> PAUSE = script("pause.lua", List.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> STATE = script("state.lua", List.class);

	// How long a request may take to reach DingTalk after it took its slot
	private static final Duration LEASE = Duration.ofMinutes(1);

	// Long enough that a replica which saw the marker and finds it gone knows that Redis
	// lost its data, unless the robot was idle for longer
	private static final Duration MARKER_TIME_TO_LIVE = Duration.ofDays(1);

	// How often to ask again while every slot of a full window is in flight
	private static final Duration IN_FLIGHT_POLL = Duration.ofMillis(25);

	private static final Duration MIN_BACKOFF = Duration.ofMillis(50);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

	private final String robotName;

	private final StringRedisTemplate redis;

	private final List<String> acquireKeys;

	private final List<String> slotKeys;

	private final List<String> pauseKeys;

	private final List<String> stateKeys;

	private final String messages;

	private final String windowMicros;

	private final String leaseMicros = micros(LEASE);

	private final String markerTimeToLiveMillis = String.valueOf(MARKER_TIME_TO_LIVE.toMillis());

	private final Clock clock;

	private final RobotRateLimiter local;

	private final int localMessages;

	private final boolean localFallback;

	private final RedisSlotStores stores;

	private Instant nextAttempt = Instant.MIN;

	private int failures;

	private @Nullable Instant markerSeenAt;

	RedisSlotStore(String robotName, StringRedisTemplate redis, String keyPrefix, RateLimit rateLimit, Clock clock,
			int localFallbackDivisor, RedisSlotStores stores) {
		this.robotName = robotName;
		this.redis = redis;
		String slots = keyPrefix + "slots";
		String inFlight = keyPrefix + "in-flight";
		String pause = keyPrefix + "pause";
		this.acquireKeys = List.of(slots, inFlight, pause, keyPrefix + "fence", keyPrefix + "marker");
		this.slotKeys = List.of(slots, inFlight);
		this.pauseKeys = List.of(pause);
		this.stateKeys = List.of(slots, inFlight, pause);
		this.messages = String.valueOf(rateLimit.messages());
		this.windowMicros = micros(rateLimit.window());
		this.clock = clock;
		this.localFallback = localFallbackDivisor > 0;
		this.localMessages = this.localFallback ? Math.max(1, rateLimit.messages() / localFallbackDivisor)
				: rateLimit.messages();
		this.local = new RobotRateLimiter(new RateLimit(this.localMessages, rateLimit.window(), rateLimit.maxWait()),
				clock);
		this.stores = stores;
	}

	@Override
	public synchronized @Nullable Slot tryAcquire() {
		Instant now = this.clock.instant();
		if (this.local.pausedUntil() != null) {
			return null;
		}
		if (now.isBefore(this.nextAttempt)) {
			return onLocalLimit();
		}
		boolean fence = this.failures > 0 && this.local.slotsUsed() > 0;
		String id = UUID.randomUUID().toString();
		List<?> result;
		try {
			result = this.redis.execute(ACQUIRE, this.acquireKeys, this.messages, this.windowMicros, this.leaseMicros,
					id, sawMarker(now) ? "1" : "0", fence ? "1" : "0", this.markerTimeToLiveMillis);
		}
		catch (DataAccessException ex) {
			unavailable(ex);
			return onLocalLimit();
		}
		available();
		this.markerSeenAt = now;
		if (longAt(result, 0) == 1) {
			return new RedisSlot(id);
		}
		long waitMicros = longAt(result, 1);
		this.nextAttempt = now.plus((waitMicros < 0) ? IN_FLIGHT_POLL : Duration.of(waitMicros, ChronoUnit.MICROS));
		return null;
	}

	@Override
	public synchronized Duration timeUntilAvailable() {
		Instant now = this.clock.instant();
		Duration untilNextAttempt = this.nextAttempt.isAfter(now) ? Duration.between(now, this.nextAttempt)
				: Duration.ZERO;
		if (this.failures > 0 && this.localFallback) {
			Duration local = this.local.timeUntilAvailable();
			return (local.compareTo(untilNextAttempt) < 0) ? local : untilNextAttempt;
		}
		Instant pausedUntil = this.local.pausedUntil();
		Duration untilPauseEnds = (pausedUntil != null) ? Duration.between(now, pausedUntil) : Duration.ZERO;
		return (untilPauseEnds.compareTo(untilNextAttempt) > 0) ? untilPauseEnds : untilNextAttempt;
	}

	@Override
	public void pauseUntil(Instant until) {
		this.local.pauseUntil(until);
		Duration pause = Duration.between(this.clock.instant(), until);
		if (pause.isNegative() || pause.isZero()) {
			return;
		}
		try {
			this.redis.execute(PAUSE, this.pauseKeys, micros(pause));
			available();
		}
		catch (DataAccessException ex) {
			unavailable(ex);
		}
	}

	@Override
	public @Nullable Instant pausedUntil() {
		Instant local = this.local.pausedUntil();
		List<?> state = state();
		if (state == null || longAt(state, 2) <= longAt(state, 0)) {
			return local;
		}
		Instant shared = this.clock.instant().plus(longAt(state, 2) - longAt(state, 0), ChronoUnit.MICROS);
		return (local != null && local.isAfter(shared)) ? local : shared;
	}

	@Override
	public int slotsUsed() {
		List<?> state = state();
		return (state != null) ? (int) longAt(state, 1) : this.local.slotsUsed();
	}

	@Override
	public synchronized @Nullable String unavailableStore() {
		return (this.failures > 0 && !this.localFallback) ? STORE : null;
	}

	private @Nullable List<?> state() {
		try {
			List<?> state = this.redis.execute(STATE, this.stateKeys);
			available();
			return state;
		}
		catch (DataAccessException ex) {
			unavailable(ex);
			return null;
		}
	}

	private @Nullable Slot onLocalLimit() {
		return (this.failures > 0 && this.localFallback) ? this.local.tryAcquire() : null;
	}

	private boolean sawMarker(Instant now) {
		return this.markerSeenAt != null && this.markerSeenAt.plus(MARKER_TIME_TO_LIVE).isAfter(now);
	}

	private synchronized void available() {
		if (this.failures > 0) {
			logger.info(LogMessage.format("DingTalk robot '%s' reaches %s again and shares its rate limit through it",
					this.robotName, STORE));
		}
		this.failures = 0;
		this.stores.available();
	}

	private synchronized void unavailable(DataAccessException ex) {
		Instant now = this.clock.instant();
		this.failures++;
		long backoff = Math.min(MAX_BACKOFF.toMillis(), MIN_BACKOFF.toMillis() << Math.min(this.failures - 1, 16));
		this.nextAttempt = now.plusMillis(backoff);
		this.stores.unavailable(now);
		if (this.failures == 1) {
			logger.warn(
					LogMessage.format("DingTalk robot '%s' cannot reach %s, which keeps its rate limit (%s); %s",
							this.robotName, STORE, ex.getClass().getSimpleName(),
							this.localFallback ? "it sends on a local limit of " + this.localMessages
									+ " messages until " + STORE + " is back"
									: "its messages wait until " + STORE + " is back"));
		}
	}

	private static long longAt(List<?> result, int index) {
		return ((Number) result.get(index)).longValue();
	}

	private static String micros(Duration duration) {
		return String.valueOf(duration.toNanos() / 1000);
	}

	private static <T> RedisScript<T> script(String name, Class<T> resultType) {
		return RedisScript.of(new ClassPathResource(name, RedisSlotStore.class), resultType);
	}

	/**
	 * A slot held in Redis.
	 */
	private final class RedisSlot implements Slot {

		private final String id;

		private RedisSlot(String id) {
			this.id = id;
		}

		@Override
		public void complete() {
			try {
				RedisSlotStore.this.redis.execute(COMPLETE, RedisSlotStore.this.slotKeys, this.id,
						RedisSlotStore.this.windowMicros);
			}
			catch (DataAccessException ex) {
				// The slot stays in flight until its lease ends: counted longer, never
				// less
				unavailable(ex);
			}
		}

		@Override
		public void release() {
			try {
				RedisSlotStore.this.redis.opsForZSet().remove(RedisSlotStore.this.slotKeys.get(1), this.id);
			}
			catch (DataAccessException ex) {
				unavailable(ex);
			}
		}

	}

}
