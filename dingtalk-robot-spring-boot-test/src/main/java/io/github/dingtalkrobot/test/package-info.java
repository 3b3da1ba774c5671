/**
 * Test support for DingTalk robots:
 * {@link io.github.dingtalkrobot.test.DingTalkEmulator}, an in-process stand-in for
 * DingTalk's robot webhook, with AssertJ assertions and a JUnit extension.
 */
@NullMarked
package io.github.dingtalkrobot.test;

import org.jspecify.annotations.NullMarked;
