package io.github.dingtalkrobot.internal.delivery;

import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.message.Message;

/**
 * How a robot puts one message on the wire: through its webhook, or through DingTalk's
 * OpenAPI. The delivery around it (rate limit, retries, pauses, listeners) is the same
 * for both. Internal: public only so that {@code io.github.dingtalkrobot} can use it.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface MessageTransport {

	/**
	 * Send a message once.
	 * @param message the message, with the robot's keywords applied
	 * @return DingTalk's answer, with {@code errcode 0}
	 * @throws io.github.dingtalkrobot.DingTalkException if the message was not delivered
	 */
	DingTalkResponse send(Message message);

}
