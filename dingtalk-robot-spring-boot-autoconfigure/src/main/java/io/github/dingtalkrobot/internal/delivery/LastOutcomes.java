package io.github.dingtalkrobot.internal.delivery;

import java.time.Instant;

import io.github.dingtalkrobot.RobotState;
import org.jspecify.annotations.Nullable;

/**
 * When a robot last delivered a message and when it last gave up on one.
 */
final class LastOutcomes {

	private volatile @Nullable Instant lastSuccess;

	private volatile @Nullable Failure lastFailure;

	void succeeded(Instant at) {
		this.lastSuccess = at;
	}

	void failed(Instant at, @Nullable Integer errcode) {
		this.lastFailure = new Failure(at, errcode);
	}

	RobotState state(int queueDepth, int slotsUsed, @Nullable Instant pausedUntil) {
		Failure failure = this.lastFailure;
		return new RobotState(queueDepth, slotsUsed, pausedUntil, this.lastSuccess,
				(failure != null) ? failure.at() : null, (failure != null) ? failure.errcode() : null);
	}

	private record Failure(Instant at, @Nullable Integer errcode) {

	}

}
