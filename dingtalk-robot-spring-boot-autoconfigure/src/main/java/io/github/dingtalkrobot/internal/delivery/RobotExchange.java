package io.github.dingtalkrobot.internal.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.dingtalkrobot.DingTalkException;
import io.github.dingtalkrobot.DingTalkMessageTooLargeException;
import io.github.dingtalkrobot.DingTalkRateLimitedException;
import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DingTalkRobotListener;
import io.github.dingtalkrobot.SendOutcome;
import io.github.dingtalkrobot.internal.webhook.RobotKeywords;
import io.github.dingtalkrobot.internal.webhook.SecretRedactor;
import io.github.dingtalkrobot.message.Message;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogMessage;

/**
 * One attempt at sending a message, on a slot of the rate limit: adds a keyword where
 * needed, posts the message, accounts for the slot, pauses the robot when DingTalk
 * throttled it, and tells the listeners how it went.
 */
final class RobotExchange {

	private static final Log logger = LogFactory.getLog(DingTalkRobot.class);

	private final String robotName;

	private final MessageTransport transport;

	private final RobotKeywords keywords;

	private final Clock clock;

	private final SlotStore limiter;

	private final Duration throttlePause;

	private final DingTalkRobotListener listeners;

	private final LastOutcomes outcomes;

	private final SecretRedactor redactor;

	RobotExchange(String robotName, MessageTransport transport, RobotKeywords keywords, Clock clock, SlotStore limiter,
			Duration throttlePause, DingTalkRobotListener listeners, LastOutcomes outcomes, SecretRedactor redactor) {
		this.robotName = robotName;
		this.transport = transport;
		this.keywords = keywords;
		this.clock = clock;
		this.limiter = limiter;
		this.throttlePause = throttlePause;
		this.listeners = listeners;
		this.outcomes = outcomes;
		this.redactor = redactor;
	}

	/**
	 * Send a message once.
	 * @param message the message
	 * @param slot the slot taken for it
	 * @return DingTalk's answer, with {@code errcode 0}
	 * @throws DingTalkException if the message was not delivered
	 */
	DingTalkResponse send(Message message, SlotStore.Slot slot) {
		return send(message, slot, this.transport);
	}

	/**
	 * Send a message once, through the given transport rather than the robot's own.
	 * @param message the message
	 * @param slot the slot taken for it
	 * @param transport how to put the message on the wire
	 * @return DingTalk's answer, with {@code errcode 0}
	 * @throws DingTalkException if the message was not delivered
	 */
	DingTalkResponse send(Message message, SlotStore.Slot slot, MessageTransport transport) {
		Instant start = this.clock.instant();
		DingTalkResponse response;
		try {
			response = transport.send(this.keywords.applyTo(message));
		}
		catch (DingTalkMessageTooLargeException ex) {
			slot.release();
			throw ex;
		}
		catch (DingTalkException ex) {
			slot.complete();
			throw failed(message, ex, start);
		}
		catch (RuntimeException ex) {
			slot.complete();
			throw failed(message, unexpected(ex), start);
		}
		slot.complete();
		Instant now = this.clock.instant();
		this.outcomes.succeeded(now);
		this.listeners.onSend(this.robotName, message.msgtype(), SendOutcome.SUCCESS, response.errcode(),
				Duration.between(start, now));
		logger.debug(LogMessage.format("DingTalk robot '%s' sent msgtype %s", this.robotName, message.msgtype()));
		return response;
	}

	private DingTalkException failed(Message message, DingTalkException failure, Instant start) {
		Instant now = this.clock.instant();
		@Nullable Integer errcode = SendOutcome.errcodeOf(failure);
		this.listeners.onSend(this.robotName, message.msgtype(), SendOutcome.of(failure), errcode,
				Duration.between(start, now));
		if (failure instanceof DingTalkRateLimitedException && errcode != null) {
			Instant pausedUntil = now.plus(this.throttlePause);
			this.limiter.pauseUntil(pausedUntil);
			logger.warn(LogMessage.format("DingTalk throttled robot '%s' with errcode %d; it sends nothing until %s",
					this.robotName, errcode, pausedUntil));
			this.listeners.onThrottled(this.robotName, errcode, pausedUntil);
		}
		else if (errcode != null) {
			logger.debug(LogMessage.format("DingTalk robot '%s' could not send msgtype %s: errcode %d", this.robotName,
					message.msgtype(), errcode));
		}
		else {
			logger.debug(LogMessage.format("DingTalk robot '%s' could not send msgtype %s: %s", this.robotName,
					message.msgtype(), failure.getMessage()));
		}
		return failure;
	}

	private DingTalkException unexpected(RuntimeException failure) {
		return new DingTalkException(this.robotName, "Unexpected failure sending a message of DingTalk robot '"
				+ this.robotName + "': " + this.redactor.redact(failure.toString()), this.redactor.safeCause(failure));
	}

}
