package io.github.dingtalkrobot.internal.delivery;

import java.time.Clock;

import io.github.dingtalkrobot.RateLimit;

/**
 * Creates the {@link SlotStore} of each robot that a builder builds. Internal: the
 * auto-configuration plugs a shared store in through
 * {@link io.github.dingtalkrobot.internal.DefaultDingTalkRobotBuilder#slotStores}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface SlotStoreFactory {

	/**
	 * Create the store of one robot.
	 * @param robotName the name of the robot
	 * @param accessToken the robot's access token, which identifies its budget at
	 * DingTalk; a store must never keep or show it as it is
	 * @param rateLimit the robot's rate limit
	 * @param clock the robot's clock
	 * @return the store
	 */
	SlotStore create(String robotName, String accessToken, RateLimit rateLimit, Clock clock);

}
