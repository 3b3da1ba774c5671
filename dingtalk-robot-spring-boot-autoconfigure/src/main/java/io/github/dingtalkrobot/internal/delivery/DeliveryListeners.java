package io.github.dingtalkrobot.internal.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import io.github.dingtalkrobot.DeliveryFailure;
import io.github.dingtalkrobot.DingTalkRobotListener;
import io.github.dingtalkrobot.SendOutcome;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogMessage;

/**
 * The listeners of one robot as one: calls each in order, and keeps a listener that
 * throws from disturbing delivery or the listeners after it.
 */
final class DeliveryListeners implements DingTalkRobotListener {

	private static final Log logger = LogFactory.getLog(DeliveryListeners.class);

	private final List<DingTalkRobotListener> listeners;

	DeliveryListeners(List<DingTalkRobotListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public void onSend(String robotName, String msgtype, SendOutcome outcome, @Nullable Integer errcode,
			Duration duration) {
		notify((listener) -> listener.onSend(robotName, msgtype, outcome, errcode, duration));
	}

	@Override
	public void onThrottled(String robotName, int errcode, Instant pausedUntil) {
		notify((listener) -> listener.onThrottled(robotName, errcode, pausedUntil));
	}

	@Override
	public void onCoalesced(String robotName, int count) {
		notify((listener) -> listener.onCoalesced(robotName, count));
	}

	@Override
	public void onDeliveryFailed(DeliveryFailure failure) {
		notify((listener) -> listener.onDeliveryFailed(failure));
	}

	private void notify(Consumer<DingTalkRobotListener> call) {
		for (DingTalkRobotListener listener : this.listeners) {
			try {
				call.accept(listener);
			}
			catch (RuntimeException ex) {
				logger.warn(LogMessage.format("DingTalk robot listener %s failed", listener.getClass().getName()), ex);
			}
		}
	}

}
