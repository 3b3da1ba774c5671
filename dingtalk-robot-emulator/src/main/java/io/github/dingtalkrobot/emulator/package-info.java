/**
 * An in-process stand-in for DingTalk's robot webhook on loopback:
 * {@link io.github.dingtalkrobot.emulator.DingTalkEmulator} checks signatures, keywords,
 * IP allowlists and the rate limit as DingTalk does, records every request, injects
 * faults and shows what it received on an inbox page.
 * {@link io.github.dingtalkrobot.emulator.Main} runs it on its own. No Spring Boot and no
 * JUnit: test support is in {@code dingtalk-robot-spring-boot-test}.
 */
@NullMarked
package io.github.dingtalkrobot.emulator;

import org.jspecify.annotations.NullMarked;
