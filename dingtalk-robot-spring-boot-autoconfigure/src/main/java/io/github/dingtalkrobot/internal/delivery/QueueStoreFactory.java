package io.github.dingtalkrobot.internal.delivery;

/**
 * Creates the {@link QueueStore} of each robot that a builder builds. Internal: the
 * auto-configuration plugs a shared store in through
 * {@link io.github.dingtalkrobot.internal.DefaultDingTalkRobotBuilder#queueStores}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface QueueStoreFactory {

	/**
	 * Create the store of one robot.
	 * @param robotName the name of the robot
	 * @param accessToken the robot's access token, which identifies its queue; a store
	 * must never keep or show it as it is
	 * @return the store
	 */
	QueueStore create(String robotName, String accessToken);

}
