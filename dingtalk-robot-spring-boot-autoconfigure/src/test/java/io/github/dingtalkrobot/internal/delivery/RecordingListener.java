package io.github.dingtalkrobot.internal.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.dingtalkrobot.DeliveryFailure;
import io.github.dingtalkrobot.DingTalkRobotListener;
import io.github.dingtalkrobot.SendOutcome;
import org.jspecify.annotations.Nullable;

/**
 * Remembers what a robot told its listeners.
 */
final class RecordingListener implements DingTalkRobotListener {

	final List<String> sends = new CopyOnWriteArrayList<>();

	final List<String> throttles = new CopyOnWriteArrayList<>();

	final List<Integer> coalesced = new CopyOnWriteArrayList<>();

	final List<DeliveryFailure> failures = new CopyOnWriteArrayList<>();

	@Override
	public void onSend(String robotName, String msgtype, SendOutcome outcome, @Nullable Integer errcode,
			Duration duration) {
		this.sends.add(robotName + " " + msgtype + " " + outcome + " " + errcode);
	}

	@Override
	public void onThrottled(String robotName, int errcode, Instant pausedUntil) {
		this.throttles.add(robotName + " " + errcode + " " + pausedUntil);
	}

	@Override
	public void onCoalesced(String robotName, int count) {
		this.coalesced.add(count);
	}

	@Override
	public void onDeliveryFailed(DeliveryFailure failure) {
		this.failures.add(failure);
	}

}
