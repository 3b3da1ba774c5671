/**
 * JMH benchmarks of DingTalk robots against a loopback server.
 */
@NullMarked
package io.github.dingtalkrobot.benchmarks;

import org.jspecify.annotations.NullMarked;
