package io.github.dingtalkrobot.internal.openapi;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.dingtalkrobot.DeliverySettings;
import io.github.dingtalkrobot.DingTalkAppRobot;
import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DingTalkRobotListener;
import io.github.dingtalkrobot.RateLimit;
import io.github.dingtalkrobot.RobotState;
import io.github.dingtalkrobot.internal.delivery.RobotDelivery;
import io.github.dingtalkrobot.internal.webhook.RobotKeywords;
import io.github.dingtalkrobot.internal.webhook.SecretRedactor;
import io.github.dingtalkrobot.message.Message;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.log.LogMessage;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

/**
 * Default {@link DingTalkAppRobot}: hands group messages and each request of a one-to-one
 * send to its {@link RobotDelivery}, which sends them through the {@link OpenApiClient};
 * or only logs them when the robot is disabled.
 *
 * @since 0.1.0
 */
public final class DefaultDingTalkAppRobot implements DingTalkAppRobot {

	private static final Log logger = LogFactory.getLog(DingTalkRobot.class);

	private static final DingTalkResponse NOT_SENT = new DingTalkResponse(0, "ok (robot disabled, not sent)");

	private static final RobotState IDLE = new RobotState(0, 0, null, null, null, null);

	private final String name;

	private final AppCredentials credentials;

	private final OpenApiClient client;

	private final boolean enabled;

	private final RobotDelivery delivery;

	private DefaultDingTalkAppRobot(String name, AppCredentials credentials, OpenApiClient client, boolean enabled,
			RobotDelivery delivery) {
		this.name = name;
		this.credentials = credentials;
		this.client = client;
		this.enabled = enabled;
		this.delivery = delivery;
	}

	/**
	 * Create an app robot.
	 * @param name the robot's name
	 * @param credentials the app's credentials, the robot's code and its group
	 * @param openApiBaseUrl the OpenAPI's base URL
	 * @param restClientBuilder the builder of the robot's HTTP client, used as it is
	 * @param clock the clock of access tokens, the rate limit, pauses and backoffs
	 * @param enabled whether the robot sends at all
	 * @param rateLimit the robot's rate limit
	 * @param settings how queued messages are delivered
	 * @param listeners the listeners to tell about deliveries
	 * @param tokens the cached access tokens, shared by the robots of one app
	 * @return the robot
	 */
	public static DingTalkAppRobot create(String name, AppCredentials credentials, String openApiBaseUrl,
			RestClient.Builder restClientBuilder, Clock clock, boolean enabled, RateLimit rateLimit,
			DeliverySettings settings, List<DingTalkRobotListener> listeners, AppAccessTokens tokens) {
		OpenApiClient client = new OpenApiClient(name, credentials, openApiBaseUrl, clock, restClientBuilder, tokens);
		RobotDelivery delivery = new RobotDelivery(name,
				(message) -> client.sendToGroup(OpenApiMessage.of(name, message)), new RobotKeywords(List.of()), clock,
				rateLimit, settings, listeners, new SecretRedactor(credentials.clientSecret()));
		return new DefaultDingTalkAppRobot(name, credentials, client, enabled, delivery);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public DingTalkResponse send(Message message) {
		checkGroupMessage(message);
		return this.enabled ? this.delivery.send(message) : logInstead(message, "its group");
	}

	@Override
	public CompletableFuture<DingTalkResponse> sendAsync(Message message) {
		checkGroupMessage(message);
		return this.enabled ? this.delivery.sendAsync(message)
				: CompletableFuture.completedFuture(logInstead(message, "its group"));
	}

	@Override
	public DingTalkResponse sendToUsers(Collection<String> userIds, Message message) {
		Assert.notNull(message, "'message' must not be null");
		Assert.notEmpty(userIds, "'userIds' must not be empty");
		userIds.forEach((userId) -> Assert.hasText(userId, "'userIds' must not contain blank user ids"));
		OpenApiMessage.requireSupported(this.name, message);
		if (!this.enabled) {
			return logInstead(message, userIds.size() + " people");
		}
		DingTalkResponse response = NOT_SENT;
		for (List<String> batch : batches(List.copyOf(userIds))) {
			response = this.delivery.send(message,
					(sent) -> this.client.sendToUsers(batch, OpenApiMessage.of(this.name, sent)));
		}
		return response;
	}

	private static List<List<String>> batches(List<String> userIds) {
		List<List<String>> batches = new ArrayList<>();
		for (int from = 0; from < userIds.size(); from += OpenApiClient.MAX_USERS_PER_REQUEST) {
			batches.add(userIds.subList(from, Math.min(userIds.size(), from + OpenApiClient.MAX_USERS_PER_REQUEST)));
		}
		return batches;
	}

	private void checkGroupMessage(Message message) {
		Assert.notNull(message, "'message' must not be null");
		Assert.state(this.client.hasGroup(), () -> "DingTalk app robot '" + this.name
				+ "' has no conversation id, so it sends to people only: use sendToUsers, or set its conversation id");
		OpenApiMessage.requireSupported(this.name, message);
	}

	private DingTalkResponse logInstead(Message message, String recipients) {
		logger.info(LogMessage.format("DingTalk app robot '%s' is disabled, so it logs instead of sending to %s: %s",
				this.name, recipients, message));
		return NOT_SENT;
	}

	@Override
	public RobotState state() {
		return this.enabled ? this.delivery.state() : IDLE;
	}

	@Override
	public void close() {
		this.delivery.close();
	}

	@Override
	public String toString() {
		return "DingTalkAppRobot[name=" + this.name + ", clientId=" + this.credentials.clientId() + ", robotCode="
				+ this.credentials.robotCode() + ", enabled=" + this.enabled + "]";
	}

}
