package io.github.dingtalkrobot.autoconfigure;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.dingtalkrobot.DingTalkRobot;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

/**
 * Builds a {@link DingTalkRobot} from its properties, on its own copy of the
 * application's {@link RestClient.Builder} so that Spring Boot's HTTP client settings,
 * message converters and observations apply.
 */
class DingTalkRobotFactory {

	private final String baseUrl;

	private final Supplier<RestClient.Builder> restClientBuilders;

	private final List<DingTalkRobotCustomizer> customizers;

	private final Map<Duration, HttpClient> httpClients = new HashMap<>();

	DingTalkRobotFactory(String baseUrl, Supplier<RestClient.Builder> restClientBuilders,
			List<DingTalkRobotCustomizer> customizers) {
		this.baseUrl = baseUrl;
		this.restClientBuilders = restClientBuilders;
		this.customizers = customizers;
	}

	DingTalkRobot create(String name, DingTalkRobotProperties.Robot properties) {
		RestClient.Builder restClientBuilder = this.restClientBuilders.get().clone();
		restClientBuilder.requestFactory(requestFactory(properties));
		this.customizers.forEach((customizer) -> customizer.customize(name, restClientBuilder));
		DingTalkRobot.Builder builder = DingTalkRobot.builder(name)
			.secret(StringUtils.hasText(properties.getSecret()) ? properties.getSecret() : null)
			.keywords(properties.getKeywords())
			.enabled(properties.isEnabled())
			.restClientBuilder(restClientBuilder);
		if (StringUtils.hasText(properties.getWebhook())) {
			builder.webhook(properties.getWebhook().strip());
		}
		else {
			builder.baseUrl(this.baseUrl).accessToken(properties.getAccessToken().strip());
		}
		return builder.build();
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
