package io.github.dingtalkrobot.autoconfigure;

import io.github.dingtalkrobot.DeliveryFailure;
import io.github.dingtalkrobot.DingTalkRobotListener;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes a {@link DingTalkDeliveryFailedEvent} for every message a robot gave up on.
 */
class DeliveryFailedEventPublisher implements DingTalkRobotListener {

	private final ApplicationEventPublisher eventPublisher;

	DeliveryFailedEventPublisher(ApplicationEventPublisher eventPublisher) {
		this.eventPublisher = eventPublisher;
	}

	@Override
	public void onDeliveryFailed(DeliveryFailure failure) {
		this.eventPublisher.publishEvent(new DingTalkDeliveryFailedEvent(failure));
	}

}
