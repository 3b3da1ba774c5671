package io.github.dingtalkrobot.autoconfigure;

import java.util.List;
import java.util.function.Supplier;

import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DingTalkRobotListener;
import io.github.dingtalkrobot.internal.DefaultDingTalkRobotBuilder;
import io.github.dingtalkrobot.internal.delivery.QueueStoreFactory;
import io.github.dingtalkrobot.internal.delivery.SlotStoreFactory;
import io.github.dingtalkrobot.internal.openapi.AppAccessTokens;
import io.github.dingtalkrobot.internal.webhook.RobotRequestFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.RestClient;

/**
 * Builds a {@link DingTalkRobot} from its properties, on its own copy of the
 * application's {@link RestClient.Builder} so that Spring Boot's message converters and
 * observations apply, and with the application's {@link DingTalkRobotListener listeners}.
 * A robot sends through its own transport, unless the application configures Spring
 * Boot's HTTP client, which the robot then keeps; a {@link DingTalkRobotCustomizer} may
 * set another request factory either way.
 */
class DingTalkRobotFactory {

	private final DingTalkRobotPropertiesMapper mapper;

	private final SingletonSupplier<RestClient.Builder> restClientBuilder;

	private final List<DingTalkRobotCustomizer> customizers;

	private final List<DingTalkRobotListener> listeners;

	private final boolean bootHttpClient;

	DingTalkRobotFactory(DingTalkRobotProperties properties, Supplier<RestClient.Builder> restClientBuilders,
			boolean bootHttpClient, List<DingTalkRobotCustomizer> customizers, List<DingTalkRobotListener> listeners,
			@Nullable SlotStoreFactory slotStores, @Nullable QueueStoreFactory queueStores) {
		// The internal hooks: the stores that share the rate limit and the queue between
		// replicas, when configured, the access tokens that the robots of one app share,
		// and the HTTP client built on the robot's first send
		AppAccessTokens appAccessTokens = new AppAccessTokens();
		this.mapper = new DingTalkRobotPropertiesMapper(properties,
				(name) -> new DefaultDingTalkRobotBuilder(name).slotStores(slotStores)
					.queueStores(queueStores)
					.appAccessTokens(appAccessTokens)
					.lazyRestClientBuilder((requestFactory) -> restClientBuilder(name, requestFactory)));
		this.restClientBuilder = SingletonSupplier
			.of(() -> applicationBuilder(restClientBuilders.get(), bootHttpClient));
		this.bootHttpClient = bootHttpClient;
		this.customizers = customizers;
		this.listeners = listeners;
	}

	DingTalkRobot create(String name) {
		return this.mapper.build(name, (builder) -> builder.listeners(this.listeners));
	}

	// Called on the robot's first send: Boot's builder, its converters and the robot's
	// HTTP client cost nothing at startup
	private RestClient.Builder restClientBuilder(String name, RobotRequestFactory requestFactory) {
		RestClient.Builder restClientBuilder = this.restClientBuilder.obtain().clone();
		if (!this.bootHttpClient) {
			restClientBuilder.requestFactory(requestFactory.transport());
		}
		this.customizers.forEach((customizer) -> customizer.customize(name, restClientBuilder));
		return this.bootHttpClient ? requestFactory.applyTo(restClientBuilder) : restClientBuilder;
	}

	// The application's builder, made once on the first send of any robot and copied for
	// each: every copy of Boot's builder makes an HTTP client. Robots on their own
	// transport release that client at once, so that it does not outlive the first send
	private static RestClient.Builder applicationBuilder(RestClient.Builder builder, boolean bootHttpClient) {
		return bootHttpClient ? builder : builder.requestFactory(new RobotRequestFactory(null, null, null).transport());
	}

}
