/**
 * The {@code dingtalk} actuator endpoint: what each DingTalk robot is configured with and
 * is doing.
 */
@NullMarked
package io.github.dingtalkrobot.autoconfigure.actuate.endpoint;

import org.jspecify.annotations.NullMarked;
