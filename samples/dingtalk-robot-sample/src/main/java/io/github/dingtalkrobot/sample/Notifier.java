package io.github.dingtalkrobot.sample;

import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DingTalkRobots;
import io.github.dingtalkrobot.message.ButtonOrientation;
import io.github.dingtalkrobot.message.FeedCardMessage;
import io.github.dingtalkrobot.message.Message;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.log.LogMessage;
import org.springframework.stereotype.Service;

/**
 * Turns what happened into DingTalk messages and sends them: alerts through the
 * {@code ops} robot, deploy notices and digests through the {@code team} robot, anything
 * else through the robot it names.
 */
@Service
public class Notifier {

	private static final Log logger = LogFactory.getLog(Notifier.class);

	private final DingTalkRobot ops;

	private final DingTalkRobot team;

	private final DingTalkRobots robots;

	Notifier(@Qualifier("ops") DingTalkRobot ops, @Qualifier("team") DingTalkRobot team, DingTalkRobots robots) {
		this.ops = ops;
		this.team = team;
		this.robots = robots;
	}

	/**
	 * Alert the ops group and mention the person on call.
	 * @param alert the alert
	 * @return what was sent
	 */
	public SentMessage alert(Alert alert) {
		String title = alert.severity() + " " + alert.service() + ": " + alert.summary();
		String text = "### " + alert.severity() + " alert: " + alert.service() + "\n\n**" + alert.summary()
				+ "**\n\nOn call, please take a look.";
		// atMobiles also names the person in the text, without which DingTalk notifies
		// nobody
		return send(this.ops, Message.markdown(title, text).atMobiles(alert.onCall()));
	}

	/**
	 * Tell the team about a deployment, with buttons to the release notes and to roll it
	 * back.
	 * @param deployment the deployment
	 * @return what was sent
	 */
	public SentMessage deployed(Deployment deployment) {
		String release = deployment.service() + " " + deployment.version();
		String title = release + " deployed to " + deployment.environment();
		String text = "### " + release + " is live in " + deployment.environment()
				+ "\n\nCheck the release notes, or roll back if something looks wrong.";
		Message card = Message.actionCard(title, text)
			.button("View release", deployment.releaseUrl())
			.button("Roll back", deployment.rollbackUrl())
			.orientation(ButtonOrientation.HORIZONTAL)
			.build();
		return send(this.team, card);
	}

	/**
	 * Send the team its digest.
	 * @param digest the digest
	 * @return what was sent
	 */
	public SentMessage digest(Digest digest) {
		FeedCardMessage.Builder card = Message.feedCard();
		digest.items().forEach((item) -> card.link(item.title(), item.url(), item.picUrl()));
		return send(this.team, card.build());
	}

	/**
	 * Send a message through the named robot.
	 * @param robotName the robot's name
	 * @param message the message
	 * @return what was sent
	 * @throws io.github.dingtalkrobot.NoSuchDingTalkRobotException if no robot has that
	 * name
	 */
	public SentMessage send(String robotName, Message message) {
		return send(this.robots.get(robotName), message);
	}

	private SentMessage send(DingTalkRobot robot, Message message) {
		DingTalkResponse response = robot.send(message);
		logger.info(LogMessage.format("Sent %s through DingTalk robot '%s': errcode %d", message.msgtype(),
				robot.name(), response.errcode()));
		return SentMessage.of(robot, message, response);
	}

}
