package io.github.dingtalkrobot;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Callbacks about a robot's deliveries, for metrics, health and alerting on lost
 * messages. Every method does nothing unless overridden. Methods are called on the thread
 * that sent: the robot's dispatcher thread for
 * {@link io.github.dingtalkrobot.DingTalkRobot#sendAsync sendAsync}, the caller's for
 * {@link io.github.dingtalkrobot.DingTalkRobot#send send}; they should return quickly. An
 * exception thrown by a listener is logged and otherwise ignored.
 *
 * @since 0.1.0
 * @see io.github.dingtalkrobot.DingTalkRobot.Builder#listeners(java.util.Collection)
 */
public interface DingTalkRobotListener {

	/**
	 * Called after each request to DingTalk, retries included.
	 * @param robotName the name of the robot
	 * @param msgtype the type of the message sent, {@code markdown} for merged messages
	 * @param outcome how the request ended
	 * @param errcode DingTalk's {@code errcode}, or {@code null} when there was no answer
	 * with one
	 * @param duration how long the request took, by the robot's clock
	 */
	default void onSend(String robotName, String msgtype, SendOutcome outcome, @Nullable Integer errcode,
			Duration duration) {
	}

	/**
	 * Called when DingTalk throttled the robot ({@code errcode 130101} or {@code 410100})
	 * and the robot pauses.
	 * @param robotName the name of the robot
	 * @param errcode DingTalk's {@code errcode}
	 * @param pausedUntil when the robot sends again, by its clock
	 */
	default void onThrottled(String robotName, int errcode, Instant pausedUntil) {
	}

	/**
	 * Called when several waiting messages were delivered as one merged Markdown message.
	 * @param robotName the name of the robot
	 * @param count how many messages the merged message carried
	 */
	default void onCoalesced(String robotName, int count) {
	}

	/**
	 * Called for every message the robot gave up on.
	 * @param failure the message and why it was not delivered
	 */
	default void onDeliveryFailed(DeliveryFailure failure) {
	}

}
