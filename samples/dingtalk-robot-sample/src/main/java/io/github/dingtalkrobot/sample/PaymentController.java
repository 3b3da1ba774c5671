package io.github.dingtalkrobot.sample;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /orders/{id}/payments} fails the way a bug does: with an exception that
 * nothing handles. The servlet container logs it at ERROR level, and with
 * {@code dingtalk.logging.enabled=true} the {@code ops} robot posts the alert.
 */
@RestController
class PaymentController {

	@PostMapping("/orders/{id}/payments")
	void pay(@PathVariable String id) {
		throw new IllegalStateException("Payment gateway timed out for order " + id);
	}

}
