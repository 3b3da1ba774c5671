/**
 * Benchmarks of DingTalk robots: JMH benchmarks against a loopback server, and a
 * simulation of a burst of alerts against the DingTalk emulator.
 */
@NullMarked
package io.github.dingtalkrobot.benchmarks;

import org.jspecify.annotations.NullMarked;
