package io.github.dingtalkrobot.autoconfigure.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import io.github.dingtalkrobot.DeliveryFailure;
import io.github.dingtalkrobot.DingTalkException;
import io.github.dingtalkrobot.DingTalkRobotListener;
import io.github.dingtalkrobot.SendOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

/**
 * Records the robots' requests, throttles, merged messages and the messages they gave up
 * on as meters. Every tag is low-cardinality and free of secrets: the robot's name, the
 * message type, the outcome, the exception's simple class name and DingTalk's
 * {@code errcode} ({@code none} when DingTalk gave none, as when the robot's own rate
 * limit refused a message).
 */
class RobotMetricsListener implements DingTalkRobotListener {

	static final String SENDS = "dingtalk.robot.sends";

	static final String THROTTLED = "dingtalk.robot.throttled";

	static final String COALESCED = "dingtalk.robot.coalesced";

	static final String UNDELIVERED = "dingtalk.robot.undelivered";

	private static final String NO_ERRCODE = "none";

	private final MeterRegistry meterRegistry;

	RobotMetricsListener(MeterRegistry meterRegistry) {
		this.meterRegistry = meterRegistry;
	}

	@Override
	public void onSend(String robotName, String msgtype, SendOutcome outcome, @Nullable Integer errcode,
			Duration duration) {
		Timer.builder(SENDS)
			.description("Requests of DingTalk robots to DingTalk's webhook")
			.tag("robot", robotName)
			.tag("msgtype", msgtype)
			.tag("outcome", outcome(outcome))
			.tag("errcode", errcode(errcode))
			.register(this.meterRegistry)
			.record(duration);
	}

	@Override
	public void onThrottled(String robotName, int errcode, Instant pausedUntil) {
		Counter.builder(THROTTLED)
			.description("Times DingTalk throttled a robot, which then paused")
			.tag("robot", robotName)
			.tag("errcode", Integer.toString(errcode))
			.register(this.meterRegistry)
			.increment();
	}

	@Override
	public void onCoalesced(String robotName, int count) {
		Counter.builder(COALESCED)
			.description("Messages that a robot merged with others into one Markdown message")
			.baseUnit("messages")
			.tag("robot", robotName)
			.register(this.meterRegistry)
			.increment(count);
	}

	@Override
	public void onDeliveryFailed(DeliveryFailure failure) {
		DingTalkException exception = failure.exception();
		Counter.builder(UNDELIVERED)
			.description("Messages that a robot gave up on, refusals on the caller's side included")
			.baseUnit("messages")
			.tag("robot", failure.robotName())
			.tag("exception", exception.getClass().getSimpleName())
			.tag("errcode", errcode(SendOutcome.errcodeOf(exception)))
			.register(this.meterRegistry)
			.increment();
	}

	private static String errcode(@Nullable Integer errcode) {
		return (errcode != null) ? errcode.toString() : NO_ERRCODE;
	}

	private static String outcome(SendOutcome outcome) {
		return outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
