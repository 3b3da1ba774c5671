package io.github.dingtalkrobot.autoconfigure.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import io.github.dingtalkrobot.internal.cluster.RedisSlotStores;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@link Endpoint @Endpoint} that shows where the robots' rate limits and pauses are
 * shared, whether that store can be reached, and where {@code sendAsync} queues messages.
 * Each robot's window and pause, as the store holds them, are in the {@code dingtalk}
 * endpoint.
 *
 * @since 0.1.0
 */
@Endpoint(id = "dingtalkcluster")
public class DingTalkClusterEndpoint {

	private final DingTalkClusterProperties properties;

	private final RedisSlotStores stores;

	DingTalkClusterEndpoint(DingTalkClusterProperties properties, RedisSlotStores stores) {
		this.properties = properties;
		this.stores = stores;
	}

	/**
	 * Describe the store.
	 * @return the store and its state
	 */
	@ReadOperation
	public ClusterDescriptor cluster() {
		return new ClusterDescriptor("redis", this.properties.getKeyPrefix(),
				this.stores.isAvailable() ? "available" : "unavailable", this.stores.unavailableSince(),
				this.properties.getOnStoreFailure().name().toLowerCase(Locale.ROOT),
				this.properties.getExpectedReplicas(), this.properties.getQueue().name().toLowerCase(Locale.ROOT),
				this.properties.getClaimAfter());
	}

	/**
	 * Where the robots' rate limits are shared.
	 *
	 * @param store the store
	 * @param keyPrefix what the store's keys start with
	 * @param state {@code available} or {@code unavailable}, as of the last time a robot
	 * used the store
	 * @param unavailableSince since when the store cannot be reached, or {@code null}
	 * @param onStoreFailure what robots do while the store cannot be reached
	 * @param expectedReplicas the replicas that share the robots
	 * @param queue where {@code sendAsync} queues messages: {@code memory}, in each
	 * replica, or {@code redis}, shared and kept through a crash
	 * @param claimAfter how long a replica that stopped renewing its turn keeps the
	 * robots' queued messages before another replica takes them over, when the queue is
	 * in Redis
	 */
	public record ClusterDescriptor(String store, String keyPrefix, String state, @Nullable Instant unavailableSince,
			String onStoreFailure, int expectedReplicas, String queue, Duration claimAfter) {

	}

}
