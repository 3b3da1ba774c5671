package io.github.dingtalkrobot.sample;

import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.message.Message;

/**
 * What the sample sent, and DingTalk's answer.
 *
 * @param robot the name of the robot that sent the message
 * @param msgtype the type of the message, for example {@code markdown}
 * @param errcode DingTalk's error code, {@code 0} for a message it accepted
 * @param errmsg the message that came with the code
 */
public record SentMessage(String robot, String msgtype, int errcode, String errmsg) {

	static SentMessage of(DingTalkRobot robot, Message message, DingTalkResponse response) {
		return new SentMessage(robot.name(), message.msgtype(), response.errcode(), response.errmsg());
	}

}
