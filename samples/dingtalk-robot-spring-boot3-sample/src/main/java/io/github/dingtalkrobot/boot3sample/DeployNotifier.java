package io.github.dingtalkrobot.boot3sample;

import io.github.dingtalkrobot.DingTalkRobot;

import org.springframework.stereotype.Component;

/**
 * Announces deploys through the application's one robot.
 */
@Component
public class DeployNotifier {

	private final DingTalkRobot robot;

	DeployNotifier(DingTalkRobot robot) {
		this.robot = robot;
	}

	/**
	 * Announce a deploy.
	 * @param version the version deployed
	 */
	public void deployed(String version) {
		this.robot.sendMarkdown("Deployed " + version, "### Deployed " + version);
	}

}
