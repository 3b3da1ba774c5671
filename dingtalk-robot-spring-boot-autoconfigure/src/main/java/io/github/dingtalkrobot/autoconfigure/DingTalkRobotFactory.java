package io.github.dingtalkrobot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DeliverySettings;
import io.github.dingtalkrobot.DingTalkRobotListener;
import io.github.dingtalkrobot.RateLimit;
import io.github.dingtalkrobot.RetrySettings;
import io.github.dingtalkrobot.internal.DefaultDingTalkRobotBuilder;
import io.github.dingtalkrobot.internal.webhook.RobotRequestFactory;

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

	private final Duration shutdownTimeout;

	private final Supplier<RestClient.Builder> restClientBuilders;

	private final List<DingTalkRobotCustomizer> customizers;

	private final List<DingTalkRobotListener> listeners;

	DingTalkRobotFactory(DingTalkRobotProperties properties, Supplier<RestClient.Builder> restClientBuilders,
			List<DingTalkRobotCustomizer> customizers, List<DingTalkRobotListener> listeners) {
		this.baseUrl = properties.getBaseUrl();
		this.shutdownTimeout = properties.getShutdownTimeout();
		this.restClientBuilders = restClientBuilders;
		this.customizers = customizers;
		this.listeners = listeners;
	}

	DingTalkRobot create(String name, DingTalkRobotProperties.Robot properties) {
		DingTalkRobot.Builder builder = new DefaultDingTalkRobotBuilder(name)
			.lazyRestClientBuilder(() -> restClientBuilder(name, properties))
			.secret(StringUtils.hasText(properties.getSecret()) ? properties.getSecret() : null)
			.keywords(properties.getKeywords())
			.enabled(properties.isEnabled())
			.rateLimit(rateLimit(properties.getRateLimit()))
			.delivery(delivery(properties.getDelivery()))
			.listeners(this.listeners);
		if (StringUtils.hasText(properties.getWebhook())) {
			builder.webhook(properties.getWebhook().strip());
		}
		else {
			builder.baseUrl(this.baseUrl).accessToken(properties.getAccessToken().strip());
		}
		return builder.build();
	}

	// Called on the robot's first send: Boot's builder, its converters and the robot's
	// HTTP client cost nothing at startup
	private RestClient.Builder restClientBuilder(String name, DingTalkRobotProperties.Robot properties) {
		RestClient.Builder restClientBuilder = RobotRequestFactory.applyTo(this.restClientBuilders.get().clone(),
				properties.getConnectTimeout(), properties.getReadTimeout(), null);
		this.customizers.forEach((customizer) -> customizer.customize(name, restClientBuilder));
		return restClientBuilder;
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

}
