package io.github.dingtalkrobot.internal.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.dingtalkrobot.internal.delivery.QueueStore;
import io.github.dingtalkrobot.internal.delivery.QueueStoreFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.util.Assert;

/**
 * Creates the {@link RedisQueueStore Redis queue} of each robot, for one replica: it
 * names the replica, renews the robots' turns that the replica has, and listens on the
 * replica's own channel for the outcomes of the messages it added and others delivered.
 * Keys are {@code <key-prefix>:{<hash of the access token>}:queue...}, next to the keys
 * of the robot's rate limit; no key, value or channel holds the token.
 *
 * @since 0.1.0
 */
public final class RedisQueueStores implements QueueStoreFactory, AutoCloseable {

	static final String DELIVERED = "delivered";

	static final String FAILED = "failed";

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	private final Duration claimAfter;

	private final String replicaId = UUID.randomUUID().toString();

	private final Map<String, RedisQueueStore> stores = new ConcurrentHashMap<>();

	private final Object lifecycleMonitor = new Object();

	private @Nullable RedisMessageListenerContainer outcomes;

	private @Nullable ScheduledExecutorService turns;

	/**
	 * Create a factory of Redis queues.
	 * @param redis the template to reach Redis with
	 * @param keyPrefix what every key starts with
	 * @param claimAfter how long a message read by a replica that stopped waits before
	 * another replica delivers it
	 */
	public RedisQueueStores(StringRedisTemplate redis, String keyPrefix, Duration claimAfter) {
		Assert.hasText(keyPrefix, "'keyPrefix' must not be empty");
		Assert.isTrue(!claimAfter.isNegative() && !claimAfter.isZero(), "'claimAfter' must be positive");
		this.redis = redis;
		this.keyPrefix = keyPrefix;
		this.claimAfter = claimAfter;
	}

	@Override
	public QueueStore create(String robotName, String accessToken) {
		start();
		String robotKey = RedisSlotStores.hash(accessToken);
		RedisQueueStore store = new RedisQueueStore(robotName, this.redis, this.keyPrefix, robotKey, this.claimAfter,
				this);
		this.stores.put(robotKey, store);
		return store;
	}

	/**
	 * Return the id of this replica, which it reads the robots' queues as.
	 * @return the id
	 */
	public String replicaId() {
		return this.replicaId;
	}

	/**
	 * Stop listening for outcomes and renewing turns; a turn this replica had passes to
	 * another after the claim time.
	 */
	@Override
	public void close() {
		synchronized (this.lifecycleMonitor) {
			if (this.outcomes != null) {
				this.outcomes.stop();
				try {
					this.outcomes.destroy();
				}
				catch (Exception ex) {
					// Closing the subscription's connection; nothing is left to do
				}
				this.outcomes = null;
			}
			if (this.turns != null) {
				this.turns.shutdownNow();
				this.turns = null;
			}
		}
	}

	String outcomeChannel(String replica) {
		return this.keyPrefix + ":queue-outcomes:" + replica;
	}

	private void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.outcomes != null) {
				return;
			}
			RedisMessageListenerContainer outcomes = new RedisMessageListenerContainer();
			outcomes.setConnectionFactory(this.redis.getRequiredConnectionFactory());
			outcomes.addMessageListener(this::onOutcome, new ChannelTopic(outcomeChannel(this.replicaId)));
			outcomes.afterPropertiesSet();
			outcomes.start();
			this.outcomes = outcomes;
			ScheduledExecutorService turns = Executors.newSingleThreadScheduledExecutor((runnable) -> {
				Thread thread = new Thread(runnable, "dingtalk-queue-turns");
				thread.setDaemon(true);
				return thread;
			});
			long renewal = Math.max(1, this.claimAfter.toMillis() / 3);
			turns.scheduleAtFixedRate(() -> this.stores.values().forEach(RedisQueueStore::renewTurn), renewal, renewal,
					TimeUnit.MILLISECONDS);
			this.turns = turns;
		}
	}

	// <robot key>\n<message id>\n<delivered|failed>\n<errmsg or reason>
	private void onOutcome(Message message, byte @Nullable [] pattern) {
		String[] parts = new String(message.getBody(), StandardCharsets.UTF_8).split("\n", 4);
		if (parts.length < 4) {
			return;
		}
		RedisQueueStore store = this.stores.get(parts[0]);
		if (store != null) {
			store.outcome(parts[1], DELIVERED.equals(parts[2]), parts[3]);
		}
	}

}
