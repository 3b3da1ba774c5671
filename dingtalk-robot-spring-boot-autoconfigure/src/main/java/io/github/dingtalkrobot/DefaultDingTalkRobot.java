package io.github.dingtalkrobot;

import io.github.dingtalkrobot.message.Message;
import io.github.dingtalkrobot.webhook.RobotKeywords;
import io.github.dingtalkrobot.webhook.RobotWebhook;
import io.github.dingtalkrobot.webhook.SecretRedactor;
import io.github.dingtalkrobot.webhook.WebhookClient;
import io.github.dingtalkrobot.webhook.WebhookPayload;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.log.LogMessage;
import org.springframework.util.Assert;

/**
 * Default {@link DingTalkRobot}: adds a keyword where needed, then posts the message
 * through a {@link WebhookClient}, or only logs it when the robot is disabled.
 */
final class DefaultDingTalkRobot implements DingTalkRobot {

	private static final Log logger = LogFactory.getLog(DingTalkRobot.class);

	private static final DingTalkResponse NOT_SENT = new DingTalkResponse(0, "ok (robot disabled, not sent)");

	private final String name;

	private final RobotWebhook webhook;

	private final RobotKeywords keywords;

	private final WebhookClient client;

	private final SecretRedactor redactor;

	private final boolean enabled;

	DefaultDingTalkRobot(String name, RobotWebhook webhook, RobotKeywords keywords, WebhookClient client,
			SecretRedactor redactor, boolean enabled) {
		this.name = name;
		this.webhook = webhook;
		this.keywords = keywords;
		this.client = client;
		this.redactor = redactor;
		this.enabled = enabled;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public DingTalkResponse send(Message message) {
		Assert.notNull(message, "'message' must not be null");
		Message keyworded = this.keywords.applyTo(message);
		if (!this.enabled) {
			logger.info(LogMessage.format("DingTalk robot '%s' is disabled, so it logs instead of sending: %s",
					this.name, this.redactor.redact(keyworded.toString())));
			return NOT_SENT;
		}
		try {
			DingTalkResponse response = this.client.send(WebhookPayload.of(keyworded));
			logger.debug(LogMessage.format("DingTalk robot '%s' sent msgtype %s: errcode %d", this.name,
					message.msgtype(), response.errcode()));
			return response;
		}
		catch (DingTalkApiException ex) {
			logger.debug(LogMessage.format("DingTalk robot '%s' could not send msgtype %s: errcode %d", this.name,
					message.msgtype(), ex.errorCode()));
			throw ex;
		}
		catch (DingTalkException ex) {
			logger.debug(LogMessage.format("DingTalk robot '%s' could not send msgtype %s: %s", this.name,
					message.msgtype(), ex.getMessage()));
			throw ex;
		}
	}

	@Override
	public String toString() {
		return "DingTalkRobot[name=" + this.name + ", webhook=" + this.webhook.redacted() + ", enabled=" + this.enabled
				+ "]";
	}

}
