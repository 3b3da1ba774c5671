package io.github.dingtalkrobot.sample;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the groups what happened: {@code POST /alerts} raises a production alert,
 * {@code POST /deploys} announces a finished deployment and {@code POST /digests} sends
 * the team's digest.
 */
@RestController
class NotificationController {

	private final Notifier notifier;

	NotificationController(Notifier notifier) {
		this.notifier = notifier;
	}

	@PostMapping("/alerts")
	SentMessage alert(@Valid @RequestBody Alert alert) {
		return this.notifier.alert(alert);
	}

	@PostMapping("/deploys")
	SentMessage deployed(@Valid @RequestBody Deployment deployment) {
		return this.notifier.deployed(deployment);
	}

	@PostMapping("/digests")
	SentMessage digest(@Valid @RequestBody Digest digest) {
		return this.notifier.digest(digest);
	}

}
