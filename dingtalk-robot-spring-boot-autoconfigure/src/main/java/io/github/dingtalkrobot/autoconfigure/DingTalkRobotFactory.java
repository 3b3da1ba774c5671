package io.github.dingtalkrobot.autoconfigure;

import java.util.List;
import java.util.function.Supplier;

import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DingTalkRobotListener;
import io.github.dingtalkrobot.internal.DefaultDingTalkRobotBuilder;
import io.github.dingtalkrobot.internal.delivery.QueueStoreFactory;
import io.github.dingtalkrobot.internal.delivery.SlotStoreFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.web.client.RestClient;

/**
 * Builds a {@link DingTalkRobot} from its properties, on its own copy of the
 * application's {@link RestClient.Builder} so that Spring Boot's HTTP client settings,
 * message converters and observations apply, and with the application's
 * {@link DingTalkRobotListener listeners}.
 */
class DingTalkRobotFactory {

	private final DingTalkRobotPropertiesMapper mapper;

	private final Supplier<RestClient.Builder> restClientBuilders;

	private final List<DingTalkRobotCustomizer> customizers;

	private final List<DingTalkRobotListener> listeners;

	DingTalkRobotFactory(DingTalkRobotProperties properties, Supplier<RestClient.Builder> restClientBuilders,
			List<DingTalkRobotCustomizer> customizers, List<DingTalkRobotListener> listeners,
			@Nullable SlotStoreFactory slotStores, @Nullable QueueStoreFactory queueStores) {
		// The internal hooks: the stores that share the rate limit and the queue between
		// replicas, when configured, and the HTTP client built on the robot's first send
		this.mapper = new DingTalkRobotPropertiesMapper(properties,
				(name) -> new DefaultDingTalkRobotBuilder(name).slotStores(slotStores)
					.queueStores(queueStores)
					.lazyRestClientBuilder(() -> restClientBuilder(name)));
		this.restClientBuilders = restClientBuilders;
		this.customizers = customizers;
		this.listeners = listeners;
	}

	DingTalkRobot create(String name) {
		return this.mapper.build(name, (builder) -> builder.listeners(this.listeners));
	}

	// Called on the robot's first send: Boot's builder, its converters and the robot's
	// HTTP client cost nothing at startup
	private RestClient.Builder restClientBuilder(String name) {
		RestClient.Builder restClientBuilder = this.restClientBuilders.get().clone();
		this.customizers.forEach((customizer) -> customizer.customize(name, restClientBuilder));
		return restClientBuilder;
	}

}
