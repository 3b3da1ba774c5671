/**
 * Alerts from logs: {@link io.github.dingtalkrobot.logging.DingTalkAppender}, a Logback
 * appender that posts errors to a DingTalk robot without flooding the group or slowing
 * the application.
 */
@NullMarked
package io.github.dingtalkrobot.logging;

import org.jspecify.annotations.NullMarked;
