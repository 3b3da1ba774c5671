/**
 * Delivery within DingTalk's limits: the settings a robot is built with
 * ({@link io.github.dingtalkrobot.delivery.RateLimit},
 * {@link io.github.dingtalkrobot.delivery.DeliverySettings},
 * {@link io.github.dingtalkrobot.delivery.RetrySettings}) and what a robot reports
 * ({@link io.github.dingtalkrobot.delivery.DingTalkRobotListener},
 * {@link io.github.dingtalkrobot.delivery.RobotState},
 * {@link io.github.dingtalkrobot.delivery.DeliveryFailure}). The rate limiter, queue,
 * dispatcher, coalescer and retry policy behind them are internal;
 * {@link io.github.dingtalkrobot.delivery.RobotDelivery} is public only so that
 * {@code io.github.dingtalkrobot} can use it.
 */
@NullMarked
package io.github.dingtalkrobot.delivery;

import org.jspecify.annotations.NullMarked;
