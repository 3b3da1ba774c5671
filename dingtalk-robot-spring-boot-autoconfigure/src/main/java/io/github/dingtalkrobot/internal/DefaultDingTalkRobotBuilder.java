package io.github.dingtalkrobot.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.github.dingtalkrobot.DeliverySettings;
import io.github.dingtalkrobot.DingTalkAppRobot;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DingTalkRobotListener;
import io.github.dingtalkrobot.RateLimit;
import io.github.dingtalkrobot.internal.delivery.QueueStore;
import io.github.dingtalkrobot.internal.delivery.QueueStoreFactory;
import io.github.dingtalkrobot.internal.delivery.RobotDelivery;
import io.github.dingtalkrobot.internal.delivery.RobotRateLimiter;
import io.github.dingtalkrobot.internal.delivery.SlotStore;
import io.github.dingtalkrobot.internal.delivery.SlotStoreFactory;
import io.github.dingtalkrobot.internal.openapi.AppCredentials;
import io.github.dingtalkrobot.internal.openapi.AppAccessTokens;
import io.github.dingtalkrobot.internal.openapi.DefaultDingTalkAppRobot;
import io.github.dingtalkrobot.internal.webhook.RobotKeywords;
import io.github.dingtalkrobot.internal.webhook.RobotRequestFactory;
import io.github.dingtalkrobot.internal.webhook.RobotWebhook;
import io.github.dingtalkrobot.internal.webhook.SecretRedactor;
import io.github.dingtalkrobot.internal.webhook.WebhookClient;
import io.github.dingtalkrobot.internal.webhook.WebhookPayload;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

/**
 * Default {@link DingTalkRobot.Builder}.
 */
public final class DefaultDingTalkRobotBuilder implements DingTalkRobot.Builder {

	// Names appear in bean names, thread names and metric tags
	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

	private final String name;

	private @Nullable String webhook;

	private @Nullable String accessToken;

	private String baseUrl = RobotWebhook.DEFAULT_BASE_URL;

	private @Nullable String secret;

	private List<String> keywords = List.of();

	private RestClient.@Nullable Builder restClientBuilder;

	private @Nullable Function<RobotRequestFactory, RestClient.Builder> lazyRestClientBuilder;

	private Clock clock = Clock.systemUTC();

	private @Nullable Duration connectTimeout;

	private @Nullable Duration readTimeout;

	private @Nullable URI proxy;

	private boolean enabled = true;

	private RateLimit rateLimit = RateLimit.defaults();

	private DeliverySettings delivery = DeliverySettings.defaults();

	private List<DingTalkRobotListener> listeners = List.of();

	private @Nullable AppCredentials app;

	private String openApiBaseUrl = "https://api.dingtalk.com";

	private @Nullable SlotStoreFactory slotStores;

	private @Nullable QueueStoreFactory queueStores;

	private AppAccessTokens appAccessTokens = new AppAccessTokens();

	public DefaultDingTalkRobotBuilder(String name) {
		this.name = name;
	}

	@Override
	public DingTalkRobot.Builder webhook(String webhook) {
		this.webhook = webhook;
		return this;
	}

	@Override
	public DingTalkRobot.Builder accessToken(String accessToken) {
		this.accessToken = accessToken;
		return this;
	}

	@Override
	public DingTalkRobot.Builder baseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
		return this;
	}

	@Override
	public DingTalkRobot.Builder app(String clientId, String clientSecret, String robotCode,
			@Nullable String conversationId) {
		this.app = new AppCredentials(clientId, clientSecret, robotCode, conversationId);
		return this;
	}

	@Override
	public DingTalkRobot.Builder openApiBaseUrl(String openApiBaseUrl) {
		this.openApiBaseUrl = openApiBaseUrl;
		return this;
	}

	@Override
	public DingTalkRobot.Builder secret(@Nullable String secret) {
		this.secret = secret;
		return this;
	}

	@Override
	public DingTalkRobot.Builder keywords(String... keywords) {
		return keywords(Arrays.asList(keywords));
	}

	@Override
	public DingTalkRobot.Builder keywords(Collection<String> keywords) {
		Assert.notNull(keywords, "'keywords' must not be null");
		this.keywords = new ArrayList<>(keywords);
		return this;
	}

	@Override
	public DingTalkRobot.Builder restClientBuilder(RestClient.Builder restClientBuilder) {
		Assert.notNull(restClientBuilder, "'restClientBuilder' must not be null");
		this.restClientBuilder = restClientBuilder;
		return this;
	}

	/**
	 * Make the robot's {@link RestClient.Builder} on its first send, instead of the
	 * {@link #restClientBuilder(RestClient.Builder) builder given now}, so that a robot
	 * costs no HTTP client until it sends. Internal: for the auto-configuration, which
	 * chooses between the robot's own transport and Spring Boot's HTTP client.
	 * @param restClientBuilder makes the robot's own builder, once, given the request
	 * factories of the robot's timeouts and proxy
	 * @return this builder
	 */
	public DefaultDingTalkRobotBuilder lazyRestClientBuilder(
			Function<RobotRequestFactory, RestClient.Builder> restClientBuilder) {
		Assert.notNull(restClientBuilder, "'restClientBuilder' must not be null");
		this.lazyRestClientBuilder = restClientBuilder;
		return this;
	}

	@Override
	public DingTalkRobot.Builder clock(Clock clock) {
		this.clock = clock;
		return this;
	}

	@Override
	public DingTalkRobot.Builder connectTimeout(@Nullable Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
		return this;
	}

	@Override
	public DingTalkRobot.Builder readTimeout(@Nullable Duration readTimeout) {
		this.readTimeout = readTimeout;
		return this;
	}

	@Override
	public DingTalkRobot.Builder proxy(@Nullable URI proxy) {
		this.proxy = proxy;
		return this;
	}

	@Override
	public DingTalkRobot.Builder enabled(boolean enabled) {
		this.enabled = enabled;
		return this;
	}

	@Override
	public DingTalkRobot.Builder rateLimit(RateLimit rateLimit) {
		this.rateLimit = rateLimit;
		return this;
	}

	@Override
	public DingTalkRobot.Builder delivery(DeliverySettings delivery) {
		this.delivery = delivery;
		return this;
	}

	@Override
	public DingTalkRobot.Builder listeners(DingTalkRobotListener... listeners) {
		return listeners(Arrays.asList(listeners));
	}

	@Override
	public DingTalkRobot.Builder listeners(Collection<? extends DingTalkRobotListener> listeners) {
		Assert.notNull(listeners, "'listeners' must not be null");
		Assert.noNullElements(listeners, "'listeners' must not contain null elements");
		this.listeners = List.copyOf(listeners);
		return this;
	}

	/**
	 * Keep the robot's rate limit and pause in a store made by the given factory instead
	 * of in the JVM: the hook through which the auto-configuration shares them between
	 * replicas.
	 * @param slotStores the factory of the store, or {@code null} for the JVM
	 * @return this builder
	 */
	public DefaultDingTalkRobotBuilder slotStores(@Nullable SlotStoreFactory slotStores) {
		this.slotStores = slotStores;
		return this;
	}

	/**
	 * Keep the robot's {@code sendAsync} messages in a store made by the given factory
	 * instead of in the JVM: the hook through which the auto-configuration makes them
	 * outlive the replica that took them.
	 * @param queueStores the factory of the store, or {@code null} for the JVM
	 * @return this builder
	 */
	public DefaultDingTalkRobotBuilder queueStores(@Nullable QueueStoreFactory queueStores) {
		this.queueStores = queueStores;
		return this;
	}

	/**
	 * Cache an app robot's access token in the given caches, which other robots of the
	 * same app may share, instead of in caches of its own: the hook through which the
	 * auto-configuration makes the robots of one app fetch one token.
	 * @param appAccessTokens the caches of the apps' access tokens
	 * @return this builder
	 */
	public DefaultDingTalkRobotBuilder appAccessTokens(AppAccessTokens appAccessTokens) {
		this.appAccessTokens = appAccessTokens;
		return this;
	}

	@Override
	public DingTalkRobot build() {
		if (this.app != null) {
			return buildApp();
		}
		checkCommonSettings();
		RobotWebhook robotWebhook = webhook();
		String signingSecret = StringUtils.hasText(this.secret) ? this.secret : null;
		RobotKeywords robotKeywords = new RobotKeywords(this.keywords);
		WebhookClient client = new WebhookClient(this.name, robotWebhook, signingSecret, this.clock,
				restClientBuilder());
		SecretRedactor redactor = new SecretRedactor(robotWebhook.accessToken(), signingSecret);
		SlotStore limiter = (this.slotStores != null)
				? this.slotStores.create(this.name, robotWebhook.accessToken(), this.rateLimit, this.clock)
				: new RobotRateLimiter(this.rateLimit, this.clock);
		QueueStore queue = (this.queueStores != null) ? this.queueStores.create(this.name, robotWebhook.accessToken())
				: null;
		RobotDelivery robotDelivery = new RobotDelivery(this.name, (message) -> client.send(WebhookPayload.of(message)),
				robotKeywords, this.clock, this.rateLimit, limiter, queue, this.delivery, this.listeners, redactor);
		return new DefaultDingTalkRobot(this.name, robotWebhook, robotKeywords, redactor, this.enabled, robotDelivery);
	}

	@Override
	public DingTalkAppRobot buildApp() {
		Assert.state(this.app != null, "'app' must be set to build an app robot");
		if (this.webhook != null || this.accessToken != null) {
			throw new IllegalArgumentException("Only one of 'webhook', 'accessToken' and 'app' may be set");
		}
		if (StringUtils.hasText(this.secret) || !this.keywords.isEmpty()) {
			throw new IllegalArgumentException(
					"'secret' and 'keywords' apply to webhook robots only, not to app robots");
		}
		checkCommonSettings();
		return DefaultDingTalkAppRobot.create(this.name, this.app, this.openApiBaseUrl, restClientBuilder().get(),
				this.clock, this.enabled, this.rateLimit, this.delivery, this.listeners, this.appAccessTokens);
	}

	private void checkCommonSettings() {
		if (this.name == null || this.name.isBlank()) {
			throw new IllegalArgumentException("'name' must not be blank");
		}
		if (!NAME.matcher(this.name).matches()) {
			throw new IllegalArgumentException("'name' must be lower-case letters, digits and hyphens, starting with "
					+ "a letter or digit, such as 'ops-alerts'");
		}
		Assert.notNull(this.clock, "'clock' must not be null");
		Assert.notNull(this.rateLimit, "'rateLimit' must not be null");
		Assert.notNull(this.delivery, "'delivery' must not be null");
		assertPositive(this.connectTimeout, "connectTimeout");
		assertPositive(this.readTimeout, "readTimeout");
		if (this.proxy != null) {
			RobotRequestFactory.checkProxy(this.proxy);
		}
	}

	private RobotWebhook webhook() {
		if (this.webhook == null && this.accessToken == null) {
			throw new IllegalArgumentException("One of 'webhook', 'accessToken' and 'app' must be set");
		}
		if (this.webhook != null && this.accessToken != null) {
			throw new IllegalArgumentException("Only one of 'webhook' and 'accessToken' may be set");
		}
		return (this.webhook != null) ? RobotWebhook.of(this.webhook) : RobotWebhook.of(this.baseUrl, this.accessToken);
	}

	// Without a builder of its own, a robot sends through its own transport; a builder
	// given keeps its request factory unless the robot has timeouts or a proxy
	private Supplier<RestClient.Builder> restClientBuilder() {
		RobotRequestFactory requestFactory = new RobotRequestFactory(this.connectTimeout, this.readTimeout, this.proxy);
		Function<RobotRequestFactory, RestClient.Builder> lazy = this.lazyRestClientBuilder;
		if (lazy != null) {
			return () -> lazy.apply(requestFactory);
		}
		if (this.restClientBuilder != null) {
			RestClient.Builder builder = requestFactory.applyTo(this.restClientBuilder.clone());
			return () -> builder;
		}
		return () -> RestClient.builder().requestFactory(requestFactory.transport());
	}

	private static void assertPositive(@Nullable Duration timeout, String name) {
		if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
			throw new IllegalArgumentException("'" + name + "' must be positive");
		}
	}

}
