package io.github.dingtalkrobot.autoconfigure;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.github.dingtalkrobot.DeliverySettings;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.RateLimit;
import io.github.dingtalkrobot.RetrySettings;
import io.github.dingtalkrobot.autoconfigure.DingTalkRobotProperties.Robot;
import io.github.dingtalkrobot.autoconfigure.DingTalkRobotProperties.RobotDefaults;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Turns {@link DingTalkRobotProperties} into a robot's builder and settings records. A
 * robot's own setting wins over {@code dingtalk.defaults}, which wins over the records'
 * defaults. The records and the builder hold every rule; an
 * {@link IllegalArgumentException} they throw, which names a field, becomes an
 * {@link InvalidDingTalkRobotPropertiesException} naming the property that set it.
 */
final class DingTalkRobotPropertiesMapper {

	private static final Log logger = LogFactory.getLog(DingTalkRobotPropertiesMapper.class);

	private static final String ROBOTS = DingTalkRobotProperties.PREFIX + ".robots";

	private static final String DEFAULTS = DingTalkRobotProperties.PREFIX + ".defaults.";

	private static final Pattern FIELD = Pattern.compile("'(\\w+)'");

	private final DingTalkRobotProperties properties;

	private final Function<String, DingTalkRobot.Builder> builders;

	DingTalkRobotPropertiesMapper(DingTalkRobotProperties properties) {
		this(properties, DingTalkRobot::builder);
	}

	DingTalkRobotPropertiesMapper(DingTalkRobotProperties properties,
			Function<String, DingTalkRobot.Builder> builders) {
		this.properties = properties;
		this.builders = builders;
	}

	/**
	 * Build a configured robot.
	 * @param name the robot's name
	 * @param customizer sets what properties do not: the HTTP client, listeners
	 * @return the robot
	 * @throws InvalidDingTalkRobotPropertiesException if a property is invalid
	 */
	DingTalkRobot build(String name, Consumer<DingTalkRobot.Builder> customizer) {
		RobotMapping mapping = new RobotMapping(name);
		return mapping.translate(() -> {
			DingTalkRobot.Builder builder = mapping.builder();
			customizer.accept(builder);
			return builder.build();
		});
	}

	RateLimit rateLimit(String name) {
		RobotMapping mapping = new RobotMapping(name);
		return mapping.translate(mapping::rateLimit);
	}

	boolean enabled(String name) {
		return orDefault(new RobotMapping(name).inherited("enabled", "enabled", RobotDefaults::getEnabled), true);
	}

	private static <V> V orDefault(@Nullable V value, V defaultValue) {
		return (value != null) ? value : defaultValue;
	}

	/**
	 * The properties of one robot, and which property set each field.
	 */
	private final class RobotMapping {

		private final String name;

		private final Robot robot;

		private final Map<String, String> propertyOfField = new HashMap<>();

		private final Set<String> setFields = new HashSet<>();

		RobotMapping(String name) {
			this.name = name;
			Robot robot = properties.getRobots().get(name);
			this.robot = (robot != null) ? robot : new Robot();
		}

		DingTalkRobot.Builder builder() {
			DingTalkRobot.Builder builder = DingTalkRobotPropertiesMapper.this.builders.apply(this.name);
			String webhook = own("webhook", "webhook", this.robot.getWebhook());
			String accessToken = own("accessToken", "access-token", this.robot.getAccessToken());
			DingTalkRobotProperties.App app = this.robot.getApp();
			if (app.configured()) {
				builder
					.app(app.getClientId().strip(), app.getClientSecret().strip(), app.getRobotCode().strip(),
							app.getConversationId())
					.openApiBaseUrl(properties.getOpenapiBaseUrl());
			}
			else if (StringUtils.hasText(webhook)) {
				builder.webhook(webhook.strip());
			}
			else if (accessToken != null) {
				String baseUrl = property("baseUrl", DingTalkRobotProperties.PREFIX + ".base-url",
						properties.getBaseUrl());
				if (baseUrl != null) {
					builder.baseUrl(baseUrl.strip());
				}
				builder.accessToken(accessToken.strip());
			}
			String secret = own("secret", "secret", this.robot.getSecret());
			if (StringUtils.hasText(secret)) {
				if (!secret.startsWith("SEC")) {
					logger.warn("Property '" + this.propertyOfField.get("secret") + "' does not start with 'SEC' as "
							+ "DingTalk's signing secrets do; check that it is the robot's signing secret if requests "
							+ "fail with errcode 310000");
				}
				builder.secret(secret);
			}
			builder.keywords(own("keywords", "keywords", this.robot.getKeywords()));
			builder.enabled(orDefault(inherited("enabled", "enabled", RobotDefaults::getEnabled), true));
			builder.connectTimeout(inherited("connectTimeout", "connect-timeout", RobotDefaults::getConnectTimeout));
			builder.readTimeout(inherited("readTimeout", "read-timeout", RobotDefaults::getReadTimeout));
			builder.proxy(inherited("proxy", "proxy", RobotDefaults::getProxy));
			return builder.rateLimit(rateLimit()).delivery(delivery());
		}

		RateLimit rateLimit() {
			RateLimit defaults = RateLimit.defaults();
			return new RateLimit(
					orDefault(inherited("messages", "rate-limit.messages", (s) -> s.getRateLimit().getMessages()),
							defaults.messages()),
					orDefault(inherited("window", "rate-limit.window", (s) -> s.getRateLimit().getWindow()),
							defaults.window()),
					orDefault(inherited("maxWait", "rate-limit.max-wait", (s) -> s.getRateLimit().getMaxWait()),
							defaults.maxWait()));
		}

		private DeliverySettings delivery() {
			DeliverySettings defaults = DeliverySettings.defaults();
			return new DeliverySettings(
					orDefault(inherited("queueCapacity", "delivery.queue-capacity",
							(s) -> s.getDelivery().getQueueCapacity()), defaults.queueCapacity()),
					orDefault(inherited("coalesce", "delivery.coalesce", (s) -> s.getDelivery().getCoalesce()),
							defaults.coalesce()),
					orDefault(inherited("throttlePause", "delivery.throttle-pause",
							(s) -> s.getDelivery().getThrottlePause()), defaults.throttlePause()),
					retry(), orDefault(property("shutdownTimeout", DingTalkRobotProperties.PREFIX + ".shutdown-timeout",
							properties.getShutdownTimeout()), defaults.shutdownTimeout()));
		}

		private RetrySettings retry() {
			RetrySettings defaults = RetrySettings.defaults();
			return new RetrySettings(
					orDefault(inherited("maxAttempts", "delivery.retry.max-attempts",
							(s) -> s.getDelivery().getRetry().getMaxAttempts()), defaults.maxAttempts()),
					orDefault(inherited("initialBackoff", "delivery.retry.initial-backoff",
							(s) -> s.getDelivery().getRetry().getInitialBackoff()), defaults.initialBackoff()),
					orDefault(inherited("maxBackoff", "delivery.retry.max-backoff",
							(s) -> s.getDelivery().getRetry().getMaxBackoff()), defaults.maxBackoff()),
					orDefault(inherited("multiplier", "delivery.retry.multiplier",
							(s) -> s.getDelivery().getRetry().getMultiplier()), defaults.multiplier()),
					orDefault(
							inherited("afterReadTimeout", "delivery.retry.after-read-timeout",
									(s) -> s.getDelivery().getRetry().getAfterReadTimeout()),
							defaults.afterReadTimeout()));
		}

		private <V> V own(String field, String path, V value) {
			return property(field, robotProperty(path), value);
		}

		private <V> V property(String field, String property, V value) {
			this.propertyOfField.put(field, property);
			if (value != null) {
				this.setFields.add(field);
			}
			return value;
		}

		<V> @Nullable V inherited(String field, String path, Function<RobotDefaults, @Nullable V> getter) {
			V value = getter.apply(this.robot);
			V inherited = (value != null) ? null : getter.apply(properties.getDefaults());
			return (inherited != null) ? property(field, DEFAULTS + path, inherited)
					: property(field, robotProperty(path), value);
		}

		private String robotProperty(String path) {
			return ROBOTS + "." + this.name + "." + path;
		}

		<T> T translate(Supplier<T> action) {
			try {
				return action.get();
			}
			catch (IllegalArgumentException ex) {
				throw invalid(ex);
			}
		}

		private InvalidDingTalkRobotPropertiesException invalid(IllegalArgumentException ex) {
			// Blame a field that a property set, where the message names several
			List<String> fields = FIELD.matcher(String.valueOf(ex.getMessage()))
				.results()
				.map((result) -> result.group(1))
				.sorted(Comparator.comparing((String candidate) -> !this.setFields.contains(candidate)))
				.toList();
			String field = fields.isEmpty() ? "" : fields.get(0);
			if (field.equals("name")) {
				return new InvalidDingTalkRobotPropertiesException(ROBOTS,
						"has a robot named '" + this.name + "', which is not a valid robot name.",
						"Rename the robot with lower-case letters, digits and hyphens, starting with a letter or "
								+ "digit, for example 'dingtalk.robots.ops-alerts'.");
			}
			String at = this.propertyOfField.getOrDefault(field, ROBOTS + "." + this.name);
			return new InvalidDingTalkRobotPropertiesException(at, "is invalid: " + ex.getMessage() + ".",
					"Correct '" + at + "', or remove it to use the default.");
		}

	}

}
