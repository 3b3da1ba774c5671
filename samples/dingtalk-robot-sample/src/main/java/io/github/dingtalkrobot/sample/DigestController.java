package io.github.dingtalkrobot.sample;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sends the team's digest: {@code POST /digests}.
 */
@RestController
class DigestController {

	private final Notifier notifier;

	DigestController(Notifier notifier) {
		this.notifier = notifier;
	}

	@PostMapping("/digests")
	SentMessage digest(@Valid @RequestBody Digest digest) {
		return this.notifier.digest(digest);
	}

}
