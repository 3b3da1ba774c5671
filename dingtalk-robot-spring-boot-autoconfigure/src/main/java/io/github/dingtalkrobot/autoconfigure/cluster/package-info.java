/**
 * Auto-configuration of robots shared by several replicas ({@code dingtalk.cluster.*}):
 * one rate limit and one pause per robot, kept in Redis.
 */
@NullMarked
package io.github.dingtalkrobot.autoconfigure.cluster;

import org.jspecify.annotations.NullMarked;
