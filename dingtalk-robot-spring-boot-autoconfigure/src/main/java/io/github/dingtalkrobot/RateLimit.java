package io.github.dingtalkrobot;

import java.time.Duration;

/**
 * How many messages a robot may send in any rolling window of time, and how long a
 * synchronous send waits for its turn. DingTalk throttles a robot for ten minutes once it
 * sends more than 20 messages in a minute; the {@link #defaults() defaults} keep within
 * that.
 *
 * @param messages the number of messages allowed in any window
 * @param window the length of the rolling window
 * @param maxWait how long {@link io.github.dingtalkrobot.DingTalkRobot#send send} waits
 * for a free slot, or for the end of a pause after DingTalk throttled the robot, before
 * it throws {@link io.github.dingtalkrobot.DingTalkRateLimitedException}; zero to never
 * wait
 * @since 0.1.0
 */
public record RateLimit(int messages, Duration window, Duration maxWait) {

	private static final RateLimit DEFAULTS = new RateLimit(20, Duration.ofSeconds(60), Duration.ofSeconds(10));

	public RateLimit {
		SettingsAssert.positive(messages, "messages");
		SettingsAssert.positive(window, "window");
		SettingsAssert.notNegative(maxWait, "maxWait");
	}

	/**
	 * Return DingTalk's limit: 20 messages in any 60 seconds, waiting at most 10 seconds
	 * for a slot.
	 * @return the default rate limit
	 */
	public static RateLimit defaults() {
		return DEFAULTS;
	}

	/**
	 * Return a copy that allows another number of messages per window.
	 * @param messages the number of messages allowed in any window
	 * @return a new rate limit
	 */
	public RateLimit withMessages(int messages) {
		return new RateLimit(messages, this.window, this.maxWait);
	}

	/**
	 * Return a copy with another window.
	 * @param window the length of the rolling window
	 * @return a new rate limit
	 */
	public RateLimit withWindow(Duration window) {
		return new RateLimit(this.messages, window, this.maxWait);
	}

	/**
	 * Return a copy with another maximum wait.
	 * @param maxWait how long a synchronous send waits for a free slot; zero to never
	 * wait
	 * @return a new rate limit
	 */
	public RateLimit withMaxWait(Duration maxWait) {
		return new RateLimit(this.messages, this.window, maxWait);
	}

}
