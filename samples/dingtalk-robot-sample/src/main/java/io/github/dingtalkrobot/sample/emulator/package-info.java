/**
 * The sample's fallback for robots without a webhook: an embedded DingTalk emulator and
 * the endpoint that lists what it received.
 */
@NullMarked
package io.github.dingtalkrobot.sample.emulator;

import org.jspecify.annotations.NullMarked;
