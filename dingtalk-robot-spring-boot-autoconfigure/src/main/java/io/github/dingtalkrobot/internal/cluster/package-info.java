/**
 * A robot's rate limit and pause shared by several replicas through Redis: one rolling
 * window per access token, timed by Redis's clock. Internal: the auto-configuration plugs
 * it in with {@code dingtalk.cluster.mode=redis}.
 */
@NullMarked
package io.github.dingtalkrobot.internal.cluster;

import org.jspecify.annotations.NullMarked;
