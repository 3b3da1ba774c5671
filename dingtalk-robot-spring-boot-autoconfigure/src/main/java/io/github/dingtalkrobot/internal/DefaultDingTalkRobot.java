package io.github.dingtalkrobot.internal;

import java.util.concurrent.CompletableFuture;

import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.RobotState;
import io.github.dingtalkrobot.internal.delivery.RobotDelivery;
import io.github.dingtalkrobot.internal.webhook.RobotKeywords;
import io.github.dingtalkrobot.internal.webhook.RobotWebhook;
import io.github.dingtalkrobot.internal.webhook.SecretRedactor;
import io.github.dingtalkrobot.message.Message;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.log.LogMessage;
import org.springframework.util.Assert;

/**
 * Default {@link DingTalkRobot}: hands messages to its {@link RobotDelivery}, or only
 * logs them when the robot is disabled.
 */
final class DefaultDingTalkRobot implements DingTalkRobot {

	private static final Log logger = LogFactory.getLog(DingTalkRobot.class);

	private static final DingTalkResponse NOT_SENT = new DingTalkResponse(0, "ok (robot disabled, not sent)");

	private static final RobotState IDLE = new RobotState(0, 0, null, null, null, null);

	private final String name;

	private final RobotWebhook webhook;

	private final RobotKeywords keywords;

	private final SecretRedactor redactor;

	private final boolean enabled;

	private final RobotDelivery delivery;

	DefaultDingTalkRobot(String name, RobotWebhook webhook, RobotKeywords keywords, SecretRedactor redactor,
			boolean enabled, RobotDelivery delivery) {
		this.name = name;
		this.webhook = webhook;
		this.keywords = keywords;
		this.redactor = redactor;
		this.enabled = enabled;
		this.delivery = delivery;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public DingTalkResponse send(Message message) {
		Assert.notNull(message, "'message' must not be null");
		if (!this.enabled) {
			return logInstead(message);
		}
		return this.delivery.send(message);
	}

	@Override
	public CompletableFuture<DingTalkResponse> sendAsync(Message message) {
		Assert.notNull(message, "'message' must not be null");
		if (!this.enabled) {
			return CompletableFuture.completedFuture(logInstead(message));
		}
		return this.delivery.sendAsync(message);
	}

	private DingTalkResponse logInstead(Message message) {
		logger.info(LogMessage.format("DingTalk robot '%s' is disabled, so it logs instead of sending: %s", this.name,
				this.redactor.redact(this.keywords.applyTo(message).toString())));
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
		return "DingTalkRobot[name=" + this.name + ", webhook=" + this.webhook.redacted() + ", enabled=" + this.enabled
				+ "]";
	}

}
