/**
 * Test support for DingTalk robots:
 * {@link io.github.dingtalkrobot.emulator.DingTalkEmulator}, an in-process stand-in for
 * DingTalk's robot webhook, with AssertJ assertions, a JUnit extension and
 * {@link io.github.dingtalkrobot.test.AutoConfigureDingTalkEmulator} for Spring Boot
 * tests.
 */
@NullMarked
package io.github.dingtalkrobot.test;

import org.jspecify.annotations.NullMarked;
