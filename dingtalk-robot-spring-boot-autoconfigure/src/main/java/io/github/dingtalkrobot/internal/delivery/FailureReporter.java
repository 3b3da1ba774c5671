package io.github.dingtalkrobot.internal.delivery;

import java.time.Clock;

import io.github.dingtalkrobot.DeliveryFailure;
import io.github.dingtalkrobot.DingTalkApiException;
import io.github.dingtalkrobot.DingTalkException;
import io.github.dingtalkrobot.DingTalkRateLimitedException;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DingTalkRobotListener;
import io.github.dingtalkrobot.DingTalkTransportException;
import io.github.dingtalkrobot.SendOutcome;
import io.github.dingtalkrobot.internal.webhook.SecretRedactor;
import io.github.dingtalkrobot.message.Message;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.log.LogMessage;

/**
 * Makes sure no message is lost silently: every message a robot gives up on is passed to
 * the listeners, recorded in the robot's state when DingTalk refused it or could not be
 * reached, and, when nobody may be waiting for the answer, logged at ERROR level with its
 * content, which goes through the robot's secret redactor.
 */
final class FailureReporter {

	private static final Log logger = LogFactory.getLog(DingTalkRobot.class);

	private final String robotName;

	private final Clock clock;

	private final DingTalkRobotListener listeners;

	private final LastOutcomes outcomes;

	private final SecretRedactor redactor;

	FailureReporter(String robotName, Clock clock, DingTalkRobotListener listeners, LastOutcomes outcomes,
			SecretRedactor redactor) {
		this.robotName = robotName;
		this.clock = clock;
		this.listeners = listeners;
		this.outcomes = outcomes;
		this.redactor = redactor;
	}

	/**
	 * Give up on a message of {@code sendAsync}, unless it is settled already: fail its
	 * future, log it and tell the listeners.
	 * @param pending the message
	 * @param exception why it is not delivered
	 */
	void giveUp(Pending pending, DingTalkException exception) {
		if (pending.fail(exception)) {
			logger.error(LogMessage.format("Undelivered message of DingTalk robot '%s' (%s): %s", this.robotName,
					exception.getMessage(), this.redactor.redact(pending.message().toString())));
			record(pending.message(), exception);
		}
	}

	/**
	 * Report a message of {@code send} that failed for good; its caller gets the
	 * exception.
	 * @param message the message
	 * @param exception why it was not delivered
	 * @return the exception, to be thrown
	 */
	DingTalkException failed(Message message, DingTalkException exception) {
		record(message, exception);
		return exception;
	}

	private void record(Message message, DingTalkException exception) {
		if (isDingTalkSide(exception)) {
			this.outcomes.failed(this.clock.instant(), SendOutcome.errcodeOf(exception));
		}
		this.listeners.onDeliveryFailed(new DeliveryFailure(this.robotName, message, exception));
	}

	// Whether DingTalk refused the message or could not be reached: what the robot's
	// state,
	// and so its health, reports. Refusals on the caller's side (too large, a full queue,
	// the robot's own rate limit, closing) say nothing about the robot.
	private static boolean isDingTalkSide(DingTalkException exception) {
		if (exception instanceof DingTalkRateLimitedException rateLimited) {
			return rateLimited.fromDingTalk();
		}
		return exception instanceof DingTalkApiException || exception instanceof DingTalkTransportException;
	}

}
