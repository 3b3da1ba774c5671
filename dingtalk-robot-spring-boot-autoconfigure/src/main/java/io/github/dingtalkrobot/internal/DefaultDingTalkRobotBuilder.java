package io.github.dingtalkrobot.internal;

import io.github.dingtalkrobot.DingTalkRobot;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import io.github.dingtalkrobot.DeliverySettings;
import io.github.dingtalkrobot.DingTalkRobotListener;
import io.github.dingtalkrobot.RateLimit;
import io.github.dingtalkrobot.internal.delivery.RobotDelivery;
import io.github.dingtalkrobot.internal.webhook.RobotKeywords;
import io.github.dingtalkrobot.internal.webhook.RobotRequestFactory;
import io.github.dingtalkrobot.internal.webhook.RobotWebhook;
import io.github.dingtalkrobot.internal.webhook.SecretRedactor;
import io.github.dingtalkrobot.internal.webhook.WebhookClient;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

/**
 * Default {@link DingTalkRobot.Builder}.
 */
public final class DefaultDingTalkRobotBuilder implements DingTalkRobot.Builder {

	private final String name;

	private @Nullable String webhook;

	private @Nullable String accessToken;

	private String baseUrl = "https://oapi.dingtalk.com/robot/send";

	private @Nullable String secret;

	private List<String> keywords = List.of();

	private RestClient.Builder restClientBuilder = RestClient.builder();

	private @Nullable Supplier<RestClient.Builder> lazyRestClientBuilder;

	private Clock clock = Clock.systemUTC();

	private @Nullable Duration connectTimeout;

	private @Nullable Duration readTimeout;

	private boolean enabled = true;

	private RateLimit rateLimit = RateLimit.defaults();

	private DeliverySettings delivery = DeliverySettings.defaults();

	private List<DingTalkRobotListener> listeners = List.of();

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
		this.restClientBuilder = restClientBuilder;
		return this;
	}

	/**
	 * Supply the robot's {@link RestClient.Builder} on its first send, instead of the
	 * {@link #restClientBuilder(RestClient.Builder) builder given now}, so that a robot
	 * costs no HTTP client until it sends. Internal: for the auto-configuration.
	 * @param restClientBuilder supplies the robot's own builder, once
	 * @return this builder
	 */
	public DefaultDingTalkRobotBuilder lazyRestClientBuilder(Supplier<RestClient.Builder> restClientBuilder) {
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

	@Override
	public DingTalkRobot build() {
		if (this.name == null || this.name.isBlank()) {
			throw new IllegalArgumentException("'name' must not be blank");
		}
		Assert.notNull(this.restClientBuilder, "'restClientBuilder' must not be null");
		Assert.notNull(this.clock, "'clock' must not be null");
		Assert.notNull(this.rateLimit, "'rateLimit' must not be null");
		Assert.notNull(this.delivery, "'delivery' must not be null");
		assertPositive(this.connectTimeout, "connectTimeout");
		assertPositive(this.readTimeout, "readTimeout");
		RobotWebhook robotWebhook = webhook();
		String signingSecret = StringUtils.hasText(this.secret) ? this.secret : null;
		RobotKeywords robotKeywords = new RobotKeywords(this.keywords);
		WebhookClient client = new WebhookClient(this.name, robotWebhook, signingSecret, this.clock,
				restClientBuilder());
		SecretRedactor redactor = new SecretRedactor(robotWebhook.accessToken(), signingSecret);
		RobotDelivery robotDelivery = new RobotDelivery(this.name, client, robotKeywords, this.clock, this.rateLimit,
				this.delivery, this.listeners, redactor);
		return new DefaultDingTalkRobot(this.name, robotWebhook, robotKeywords, redactor, this.enabled, robotDelivery);
	}

	private RobotWebhook webhook() {
		if (this.webhook == null && this.accessToken == null) {
			throw new IllegalArgumentException("Either 'webhook' or 'accessToken' must be set");
		}
		if (this.webhook != null && this.accessToken != null) {
			throw new IllegalArgumentException("Only one of 'webhook' and 'accessToken' may be set");
		}
		return (this.webhook != null) ? RobotWebhook.of(this.webhook) : RobotWebhook.of(this.baseUrl, this.accessToken);
	}

	private Supplier<RestClient.Builder> restClientBuilder() {
		Duration connectTimeout = this.connectTimeout;
		Duration readTimeout = this.readTimeout;
		Supplier<RestClient.Builder> lazy = this.lazyRestClientBuilder;
		if (lazy != null) {
			return () -> RobotRequestFactory.applyTo(lazy.get(), connectTimeout, readTimeout, null);
		}
		RestClient.Builder builder = RobotRequestFactory.applyTo(this.restClientBuilder.clone(), connectTimeout,
				readTimeout, null);
		return () -> builder;
	}

	private static void assertPositive(@Nullable Duration timeout, String name) {
		if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
			throw new IllegalArgumentException("'" + name + "' must be positive");
		}
	}

}
