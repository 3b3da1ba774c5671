package io.github.dingtalkrobot.autoconfigure.cluster;

import io.github.dingtalkrobot.internal.cluster.RedisSlotStores;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Binds a gauge of whether Redis, which keeps the robots' rate limits, could be reached
 * the last time a robot tried: {@code dingtalk.cluster.store.available}, 1 or 0.
 */
class StoreAvailabilityMeterBinder implements MeterBinder {

	static final String AVAILABLE = "dingtalk.cluster.store.available";

	private final RedisSlotStores stores;

	StoreAvailabilityMeterBinder(RedisSlotStores stores) {
		this.stores = stores;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(AVAILABLE, this.stores, (stores) -> stores.isAvailable() ? 1 : 0)
			.description("Whether the store that shares the robots' rate limits could be reached when last used")
			.tag("store", "redis")
			.register(registry);
	}

}
