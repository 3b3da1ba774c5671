/**
 * Auto-configuration of Micrometer metrics for DingTalk robots.
 */
@NullMarked
package io.github.dingtalkrobot.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
