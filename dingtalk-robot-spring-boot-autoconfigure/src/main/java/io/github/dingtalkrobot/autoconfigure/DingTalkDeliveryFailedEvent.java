package io.github.dingtalkrobot.autoconfigure;

import io.github.dingtalkrobot.DeliveryFailure;
import io.github.dingtalkrobot.DingTalkException;
import io.github.dingtalkrobot.message.Message;

import org.springframework.context.ApplicationEvent;

/**
 * Published for every message that a robot of the auto-configuration gave up on: DingTalk
 * refused it, it could not be sent after all retries, the robot's queue was full, or the
 * application closed before it was delivered. Listen for it to page someone another way
 * or to keep the message for later. It is published on the thread that gave up: the
 * robot's dispatcher thread for {@code sendAsync}, the caller's for {@code send} (whose
 * caller also gets the exception).
 *
 * @since 0.1.0
 */
public class DingTalkDeliveryFailedEvent extends ApplicationEvent {

	/**
	 * Create a new event.
	 * @param failure the message and why it was not delivered
	 */
	public DingTalkDeliveryFailedEvent(DeliveryFailure failure) {
		super(failure);
	}

	/**
	 * Return the name of the robot that gave up on the message.
	 * @return the robot's name
	 */
	public String robotName() {
		return failure().robotName();
	}

	/**
	 * Return the message as it was given to the robot.
	 * @return the message
	 */
	public Message message() {
		return failure().message();
	}

	/**
	 * Return why the message was not delivered; its message reveals no secret.
	 * @return the exception
	 */
	public DingTalkException exception() {
		return failure().exception();
	}

	private DeliveryFailure failure() {
		return (DeliveryFailure) getSource();
	}

}
