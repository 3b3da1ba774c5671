package io.github.dingtalkrobot.sample;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Raises production alerts: {@code POST /alerts}.
 */
@RestController
class AlertController {

	private final Notifier notifier;

	AlertController(Notifier notifier) {
		this.notifier = notifier;
	}

	@PostMapping("/alerts")
	SentMessage alert(@Valid @RequestBody Alert alert) {
		return this.notifier.alert(alert);
	}

}
