/**
 * Messages a DingTalk robot can send: immutable records, validated when they are built.
 */
@NullMarked
package io.github.dingtalkrobot.message;

import org.jspecify.annotations.NullMarked;
