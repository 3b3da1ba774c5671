package io.github.dingtalkrobot.internal.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.github.dingtalkrobot.DingTalkException;
import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.internal.delivery.QueueStore;
import io.github.dingtalkrobot.message.Message;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.log.LogMessage;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * A robot's queue kept in a Redis stream with one consumer group: each replica reads as
 * its own consumer, and only the replica whose turn it is (a key that names it, renewed
 * while it lives and expiring {@code claim-after} after it stopped) reads at all, so that
 * one message of the robot at most is in flight. A message is recorded as settled in the
 * same script that acknowledges and deletes it, and a replica checks that record before
 * it sends what it read. Outcomes go to the replica that added a message over its own
 * Redis channel.
 */
final class RedisQueueStore implements QueueStore {

	static final String GROUP = "dingtalk";

	private static final Log logger = LogFactory.getLog(DingTalkRobot.class);

	private static final RedisScript<String> ADD = script("queue-add.lua", String.class);

	private static final RedisScript<Long> TURN = script("queue-turn.lua", Long.class);

	private static final RedisScript<Long> RENEW = script("queue-renew.lua", Long.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> READ = script("queue-read.lua", List.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> CHECK = script("queue-check.lua", List.class);

	private static final RedisScript<Long> SETTLE = script("queue-settle.lua", Long.class);

	private static final RedisScript<Long> HAND_BACK = script("queue-hand-back.lua", Long.class);

	private static final Duration MIN_POLL = Duration.ofMillis(10);

	private static final Duration MAX_POLL = Duration.ofSeconds(1);

	// A replica may hold a message it read for a while before it checks it
	private static final Duration MIN_SETTLED_MEMORY = Duration.ofMinutes(10);

	private final String robotName;

	private final StringRedisTemplate redis;

	private final String robotKey;

	private final RedisQueueStores stores;

	private final List<String> streamKeys;

	private final List<String> turnKeys;

	private final List<String> checkKeys;

	private final List<String> settleKeys;

	private final String claimAfterMillis;

	private final String settledMemoryMillis;

	private final Duration pollInterval;

	private volatile boolean myTurn;

	private volatile @Nullable OutcomeListener listener;

	private boolean unavailable;

	RedisQueueStore(String robotName, StringRedisTemplate redis, String keyPrefix, String robotKey, Duration claimAfter,
			RedisQueueStores stores) {
		this.robotName = robotName;
		this.redis = redis;
		this.robotKey = robotKey;
		this.stores = stores;
		String keys = keyPrefix + ":{" + robotKey + "}:";
		String stream = keys + "queue";
		String turn = keys + "queue-turn";
		String settled = keys + "queue-settled";
		this.streamKeys = List.of(stream);
		this.turnKeys = List.of(turn, stream);
		this.checkKeys = List.of(turn, settled);
		this.settleKeys = List.of(stream, settled);
		this.claimAfterMillis = String.valueOf(claimAfter.toMillis());
		Duration settledMemory = claimAfter.multipliedBy(10);
		this.settledMemoryMillis = String.valueOf(
				((settledMemory.compareTo(MIN_SETTLED_MEMORY) > 0) ? settledMemory : MIN_SETTLED_MEMORY).toMillis());
		Duration poll = claimAfter.dividedBy(10);
		this.pollInterval = (poll.compareTo(MIN_POLL) < 0) ? MIN_POLL
				: (poll.compareTo(MAX_POLL) > 0) ? MAX_POLL : poll;
	}

	@Override
	public boolean add(String messageId, Message message, int capacity) {
		String id = call(() -> this.redis.execute(ADD, this.streamKeys, String.valueOf(capacity), GROUP, messageId,
				this.stores.replicaId(), QueuedMessageCodec.encode(message)));
		return id != null;
	}

	@Override
	public boolean takeTurn() {
		Long taken = call(
				() -> this.redis.execute(TURN, this.turnKeys, this.stores.replicaId(), this.claimAfterMillis));
		this.myTurn = taken != null && taken == 1;
		return this.myTurn;
	}

	@Override
	public List<Entry> read(int count) {
		List<?> read = call(() -> this.redis.execute(READ, this.streamKeys, GROUP, this.stores.replicaId(),
				String.valueOf(count), this.claimAfterMillis));
		List<Entry> entries = new ArrayList<>();
		if (read != null) {
			for (int i = 0; i + 3 < read.size(); i += 4) {
				entries.add(new Entry((String) read.get(i), (String) read.get(i + 1), (String) read.get(i + 2),
						QueuedMessageCodec.decode((String) read.get(i + 3))));
			}
		}
		return entries;
	}

	@Override
	public @Nullable List<String> settledElsewhere(List<Entry> entries) {
		List<String> arguments = new ArrayList<>();
		arguments.add(this.stores.replicaId());
		arguments.add(this.claimAfterMillis);
		entries.forEach((entry) -> arguments.add(entry.id()));
		List<?> settled = call(() -> this.redis.execute(CHECK, this.checkKeys, arguments.toArray()));
		if (settled == null || !"1".equals(settled.get(0))) {
			this.myTurn = false;
			return null;
		}
		return settled.stream().skip(1).map(String::valueOf).toList();
	}

	@Override
	public void settle(List<Entry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		List<String> arguments = new ArrayList<>();
		arguments.add(GROUP);
		arguments.add(this.settledMemoryMillis);
		entries.forEach((entry) -> arguments.add(entry.id()));
		call(() -> this.redis.execute(SETTLE, this.settleKeys, arguments.toArray()));
	}

	@Override
	public void handBack(List<Entry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		List<String> arguments = new ArrayList<>();
		arguments.add(GROUP);
		arguments.add(this.stores.replicaId());
		arguments.add(this.claimAfterMillis);
		entries.forEach((entry) -> arguments.add(entry.id()));
		call(() -> this.redis.execute(HAND_BACK, this.streamKeys, arguments.toArray()));
	}

	@Override
	public void endTurn() {
		this.myTurn = false;
		try {
			this.redis.execute(RENEW, this.turnKeys.subList(0, 1), this.stores.replicaId(), "0");
		}
		catch (DataAccessException ex) {
			// The turn ends when its key expires
		}
	}

	/**
	 * Renew the robot's turn while it is this replica's, so that it stays so during a
	 * long request.
	 */
	void renewTurn() {
		if (!this.myTurn) {
			return;
		}
		try {
			Long renewed = this.redis.execute(RENEW, this.turnKeys.subList(0, 1), this.stores.replicaId(),
					this.claimAfterMillis);
			this.myTurn = renewed != null && renewed == 1;
		}
		catch (DataAccessException ex) {
			// Tried again at the next renewal; the turn ends if Redis stays away
		}
	}

	@Override
	public void reportOutcome(Entry entry, @Nullable DingTalkResponse response, @Nullable DingTalkException failure) {
		String outcome = (response != null) ? RedisQueueStores.DELIVERED + "\n" + response.errmsg()
				: RedisQueueStores.FAILED + "\n" + ((failure != null) ? failure.getMessage() : "");
		call(() -> this.redis.convertAndSend(this.stores.outcomeChannel(entry.origin()),
				this.robotKey + "\n" + entry.messageId() + "\n" + outcome));
	}

	@Override
	public void onOutcome(OutcomeListener listener) {
		this.listener = listener;
	}

	/**
	 * Tell the listener what another replica reported.
	 * @param messageId the id of the message
	 * @param delivered whether it was delivered
	 * @param text DingTalk's {@code errmsg}, or why the message failed
	 */
	void outcome(String messageId, boolean delivered, String text) {
		OutcomeListener listener = this.listener;
		if (listener == null) {
			return;
		}
		if (delivered) {
			listener.delivered(messageId, new DingTalkResponse(0, text));
		}
		else {
			listener.failed(messageId, text);
		}
	}

	@Override
	public int depth() {
		Long size = call(() -> this.redis.opsForStream().size(this.streamKeys.get(0)));
		return (size != null) ? size.intValue() : 0;
	}

	@Override
	public Duration pollInterval() {
		return this.pollInterval;
	}

	@Override
	public String name() {
		return RedisSlotStore.STORE;
	}

	private <T> @Nullable T call(Supplier<@Nullable T> command) {
		try {
			T result = command.get();
			available();
			return result;
		}
		catch (DataAccessException ex) {
			unavailable(ex);
			throw new UnavailableException(
					"Redis, which keeps the queue of DingTalk robot '" + this.robotName + "', cannot be reached", ex);
		}
	}

	private synchronized void available() {
		if (this.unavailable) {
			this.unavailable = false;
			logger.info(LogMessage.format("DingTalk robot '%s' reaches %s again, which keeps its queue", this.robotName,
					RedisSlotStore.STORE));
		}
	}

	private synchronized void unavailable(DataAccessException ex) {
		if (!this.unavailable) {
			this.unavailable = true;
			logger.warn(LogMessage.format(
					"DingTalk robot '%s' cannot reach %s, which keeps its queue (%s); sendAsync refuses messages "
							+ "and delivery waits until %s is back",
					this.robotName, RedisSlotStore.STORE, ex.getClass().getSimpleName(), RedisSlotStore.STORE));
		}
	}

	private static <T> RedisScript<T> script(String name, Class<T> resultType) {
		return RedisScript.of(new ClassPathResource(name, RedisQueueStore.class), resultType);
	}

}
