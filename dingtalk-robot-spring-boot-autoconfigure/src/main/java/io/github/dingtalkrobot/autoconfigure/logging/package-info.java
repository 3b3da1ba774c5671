/**
 * Auto-configuration of alerts from logs: a
 * {@link io.github.dingtalkrobot.logging.DingTalkAppender} on the root logger, and the
 * application's robots made available to appenders configured in
 * {@code logback-spring.xml}.
 */
@NullMarked
package io.github.dingtalkrobot.autoconfigure.logging;

import org.jspecify.annotations.NullMarked;
