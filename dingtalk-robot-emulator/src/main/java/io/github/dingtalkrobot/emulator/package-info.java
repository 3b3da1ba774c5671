/**
 * An in-process stand-in for DingTalk's robot webhook on loopback:
 * {@link io.github.dingtalkrobot.emulator.DingTalkEmulator} checks signatures, keywords
 * and the rate limit as DingTalk does, records every request and injects faults. No
 * Spring Boot and no JUnit: test support is in {@code dingtalk-robot-spring-boot-test}.
 */
@NullMarked
package io.github.dingtalkrobot.emulator;

import org.jspecify.annotations.NullMarked;
