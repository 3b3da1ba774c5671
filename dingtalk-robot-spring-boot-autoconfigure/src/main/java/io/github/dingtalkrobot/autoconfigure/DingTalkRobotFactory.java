package io.github.dingtalkrobot.autoconfigure;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DeliverySettings;
import io.github.dingtalkrobot.DingTalkRobotListener;
import io.github.dingtalkrobot.RateLimit;
import io.github.dingtalkrobot.RetrySettings;
import io.github.dingtalkrobot.internal.DefaultDingTalkRobotBuilder;
import io.github.dingtalkrobot.internal.delivery.SlotStoreFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

/**
 * Builds a {@link DingTalkRobot} from its properties, on its own copy of the
 * application's {@link RestClient.Builder} so that Spring Boot's HTTP client settings,
 * message converters and observations apply, and with the application's
 * {@link DingTalkRobotListener listeners}.
 */
class DingTalkRobotFactory {

	private final String baseUrl;

	private final String openApiBaseUrl;

	private final Duration shutdownTimeout;

	private final Supplier<RestClient.Builder> restClientBuilders;

	private final List<DingTalkRobotCustomizer> customizers;

	private final List<DingTalkRobotListener> listeners;

	private final Map<Duration, HttpClient> httpClients = new HashMap<>();

	private final @Nullable SlotStoreFactory slotStores;

	DingTalkRobotFactory(DingTalkRobotProperties properties, Supplier<RestClient.Builder> restClientBuilders,
			List<DingTalkRobotCustomizer> customizers, List<DingTalkRobotListener> listeners,
			@Nullable SlotStoreFactory slotStores) {
		this.baseUrl = properties.getBaseUrl();
		this.openApiBaseUrl = properties.getOpenapiBaseUrl();
		this.shutdownTimeout = properties.getShutdownTimeout();
		this.restClientBuilders = restClientBuilders;
		this.customizers = customizers;
		this.listeners = listeners;
		this.slotStores = slotStores;
	}

	DingTalkRobot create(String name, DingTalkRobotProperties.Robot properties) {
		RestClient.Builder restClientBuilder = this.restClientBuilders.get().clone();
		restClientBuilder.requestFactory(requestFactory(properties));
		this.customizers.forEach((customizer) -> customizer.customize(name, restClientBuilder));
		// The internal hook that shares the rate limit between replicas, when configured
		DingTalkRobot.Builder builder = new DefaultDingTalkRobotBuilder(name).slotStores(this.slotStores)
			.secret(StringUtils.hasText(properties.getSecret()) ? properties.getSecret() : null)
			.keywords(properties.getKeywords())
			.enabled(properties.isEnabled())
			.restClientBuilder(restClientBuilder)
			.rateLimit(rateLimit(properties.getRateLimit()))
			.delivery(delivery(properties.getDelivery()))
			.listeners(this.listeners);
		DingTalkRobotProperties.App app = properties.getApp();
		if (app.configured()) {
			builder
				.app(app.getClientId().strip(), app.getClientSecret().strip(), app.getRobotCode().strip(),
						app.getConversationId())
				.openApiBaseUrl(this.openApiBaseUrl);
		}
		else if (StringUtils.hasText(properties.getWebhook())) {
			builder.webhook(properties.getWebhook().strip());
		}
		else {
			builder.baseUrl(this.baseUrl).accessToken(properties.getAccessToken().strip());
		}
		return builder.build();
	}

	private RateLimit rateLimit(DingTalkRobotProperties.RateLimit properties) {
		return new RateLimit(properties.getMessages(), properties.getWindow(), properties.getMaxWait());
	}

	private DeliverySettings delivery(DingTalkRobotProperties.Delivery properties) {
		DingTalkRobotProperties.Retry retry = properties.getRetry();
		return new DeliverySettings(properties.getQueueCapacity(), properties.isCoalesce(),
				properties.getThrottlePause(), new RetrySettings(retry.getMaxAttempts(), retry.getInitialBackoff(),
						retry.getMaxBackoff(), retry.getMultiplier(), retry.isAfterReadTimeout()),
				this.shutdownTimeout);
	}

	private JdkClientHttpRequestFactory requestFactory(DingTalkRobotProperties.Robot properties) {
		// Robots with the same connect timeout share one JDK client and its selector
		// thread
		HttpClient httpClient = this.httpClients.computeIfAbsent(properties.getConnectTimeout(),
				(connectTimeout) -> HttpClient.newBuilder().connectTimeout(connectTimeout).build());
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(properties.getReadTimeout());
		return requestFactory;
	}

}
