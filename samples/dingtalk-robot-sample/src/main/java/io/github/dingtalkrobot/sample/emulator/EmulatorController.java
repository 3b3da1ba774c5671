package io.github.dingtalkrobot.sample.emulator;

import java.util.List;

import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists what the embedded DingTalk emulator received: {@code GET /emulator/messages}.
 * Present only when a robot sends to the emulator; the emulator bean is registered before
 * the application's configuration is read, so the condition sees it.
 *
 * @see EmbeddedDingTalkEmulatorInitializer
 */
@RestController
@ConditionalOnBean(DingTalkEmulator.class)
class EmulatorController {

	private static final Log logger = LogFactory.getLog(EmulatorController.class);

	private final DingTalkEmulator emulator;

	EmulatorController(DingTalkEmulator emulator) {
		this.emulator = emulator;
	}

	@GetMapping("/emulator/messages")
	List<ReceivedMessage> messages() {
		return this.emulator.requests().stream().map(ReceivedMessage::of).toList();
	}

	@EventListener
	void showWhereToLook(ApplicationReadyEvent event) {
		if (event.getApplicationContext() instanceof WebServerApplicationContext context) {
			logger.info("The embedded DingTalk emulator received " + this.emulator.requests().size()
					+ " messages; see them as a group would in its inbox at " + this.emulator.inboxUrl()
					+ " or list them with: curl http://localhost:" + context.getWebServer().getPort()
					+ "/emulator/messages");
		}
	}

}
