package io.github.dingtalkrobot.sample;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Announces finished deployments: {@code POST /deploys}.
 */
@RestController
class DeploymentController {

	private final Notifier notifier;

	DeploymentController(Notifier notifier) {
		this.notifier = notifier;
	}

	@PostMapping("/deploys")
	SentMessage deployed(@Valid @RequestBody Deployment deployment) {
		return this.notifier.deployed(deployment);
	}

}
