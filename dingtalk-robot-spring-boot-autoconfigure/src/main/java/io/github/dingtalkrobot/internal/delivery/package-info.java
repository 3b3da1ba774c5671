/**
 * Delivery within DingTalk's limits: the settings a robot is built with
 * ({@link io.github.dingtalkrobot.RateLimit},
 * {@link io.github.dingtalkrobot.DeliverySettings},
 * {@link io.github.dingtalkrobot.RetrySettings}) and what a robot reports
 * ({@link io.github.dingtalkrobot.DingTalkRobotListener},
 * {@link io.github.dingtalkrobot.RobotState},
 * {@link io.github.dingtalkrobot.DeliveryFailure}). The rate limiter, queue, dispatcher,
 * coalescer and retry policy behind them are internal;
 * {@link io.github.dingtalkrobot.internal.delivery.RobotDelivery} is public only so that
 * {@code io.github.dingtalkrobot} can use it.
 */
@NullMarked
package io.github.dingtalkrobot.internal.delivery;

import org.jspecify.annotations.NullMarked;
