package io.github.dingtalkrobot;

import io.github.dingtalkrobot.DingTalkException;
import io.github.dingtalkrobot.message.Message;

/**
 * A message that a robot gave up on: DingTalk refused it, it could not be sent after all
 * retries, the robot's queue was full, or the robot closed before sending it.
 *
 * @param robotName the name of the robot
 * @param message the message as it was given to the robot
 * @param exception why it was not delivered; its message reveals no secret
 * @since 0.1.0
 * @see DingTalkRobotListener#onDeliveryFailed(DeliveryFailure)
 */
public record DeliveryFailure(String robotName, Message message, DingTalkException exception) {

}
