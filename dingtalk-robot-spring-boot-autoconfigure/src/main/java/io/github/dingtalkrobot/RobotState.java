package io.github.dingtalkrobot;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a robot is doing, as of the moment it was asked: a snapshot for monitoring. Times
 * are by the robot's clock.
 *
 * @param queueDepth how many messages given to
 * {@link io.github.dingtalkrobot.DingTalkRobot#sendAsync sendAsync} are waiting or in
 * flight
 * @param slotsUsed how many messages the rate limit counts in the current window
 * @param pausedUntil until when the robot sends nothing because DingTalk throttled it, or
 * {@code null} when it is not paused
 * @param lastSuccess when DingTalk last accepted a message, or {@code null} if it never
 * did
 * @param lastFailure when the robot last gave up on a message that DingTalk refused or
 * could not be reached for, or {@code null} if it never did; refusals on the caller's
 * side (a message too large, a full queue, the robot's own rate limit, closing) do not
 * count
 * @param lastFailureErrcode DingTalk's {@code errcode} for that last failure, or
 * {@code null} when there was none (DingTalk could not be reached)
 * @since 0.1.0
 */
public record RobotState(int queueDepth, int slotsUsed, @Nullable Instant pausedUntil, @Nullable Instant lastSuccess,
		@Nullable Instant lastFailure, @Nullable Integer lastFailureErrcode) {

}
