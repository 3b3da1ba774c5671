/**
 * DingTalk group robots: {@link io.github.dingtalkrobot.DingTalkRobot} sends messages,
 * {@link io.github.dingtalkrobot.DingTalkRobots} finds robots by name, and the
 * {@link io.github.dingtalkrobot.DingTalkException} hierarchy says what went wrong.
 */
@NullMarked
package io.github.dingtalkrobot;

import org.jspecify.annotations.NullMarked;
