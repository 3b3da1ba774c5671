/**
 * Auto-configuration for DingTalk robots: properties, the robot beans and startup failure
 * analysis.
 */
@NullMarked
package io.github.dingtalkrobot.autoconfigure;

import org.jspecify.annotations.NullMarked;
