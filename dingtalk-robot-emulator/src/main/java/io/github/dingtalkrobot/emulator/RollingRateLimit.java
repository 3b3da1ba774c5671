package io.github.dingtalkrobot.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import org.jspecify.annotations.Nullable;

/**
 * DingTalk's rate limit for one robot: at most 20 accepted messages in any rolling 60
 * seconds; the next one throttles the robot for 10 minutes. Not thread-safe: the robot
 * guards it.
 */
final class RollingRateLimit {

	static final int MAX_MESSAGES = 20;

	static final Duration WINDOW = Duration.ofSeconds(60);

	static final Duration THROTTLE = Duration.ofMinutes(10);

	private final Deque<Instant> accepted = new ArrayDeque<>();

	private @Nullable Instant throttledUntil;

	boolean isThrottled(Instant now) {
		return this.throttledUntil != null && now.isBefore(this.throttledUntil);
	}

	/**
	 * Count a message that passed every other check.
	 * @param now the emulator's current time
	 * @return {@code true} if the message is within the limit, {@code false} if it
	 * exceeds it, which throttles the robot from now on
	 */
	boolean tryAcquire(Instant now) {
		Instant windowStart = now.minus(WINDOW);
		while (!this.accepted.isEmpty() && !this.accepted.peekFirst().isAfter(windowStart)) {
			this.accepted.removeFirst();
		}
		if (this.accepted.size() >= MAX_MESSAGES) {
			this.throttledUntil = now.plus(THROTTLE);
			return false;
		}
		this.accepted.addLast(now);
		return true;
	}

	void reset() {
		this.accepted.clear();
		this.throttledUntil = null;
	}

}
