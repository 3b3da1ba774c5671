package io.github.dingtalkrobot.sample;

import java.util.List;
import java.util.function.Supplier;

import io.github.dingtalkrobot.DingTalkException;
import io.github.dingtalkrobot.message.Message;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Sends one message of each type when the application starts, so that both groups show
 * what the sample can do. Turned off with {@code sample.startup-examples=false}.
 */
@Component
@ConditionalOnBooleanProperty(name = "sample.startup-examples", matchIfMissing = true)
class StartupExamples implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(StartupExamples.class);

	private static final Alert ALERT = new Alert("payment-api", "P1", "Error rate above 5% for 10 minutes",
			"13800000000");

	private static final Deployment DEPLOYMENT = new Deployment("payment-api", "2.4.1", "production",
			"https://example.com/releases/payment-api/2.4.1",
			"https://example.com/deploys/payment-api/rollback?to=2.4.0");

	private static final Digest DIGEST = new Digest(List.of(
			new Digest.Item("3 deploys to production yesterday", "https://example.com/digest/deploys",
					"https://example.com/images/deploys.png"),
			new Digest.Item("1 incident closed: checkout latency", "https://example.com/digest/incidents",
					"https://example.com/images/incidents.png"),
			new Digest.Item("On call this week: Li Lei", "https://example.com/digest/on-call",
					"https://example.com/images/on-call.png")));

	private static final Message BACKUP_FINISHED = Message.text("Nightly database backup finished in 4m 12s");

	private static final Message RUNBOOK = Message.link("Runbook: rolling back a release",
			"What to check before and after pressing Roll back", "https://example.com/runbooks/rollback");

	private final Notifier notifier;

	StartupExamples(Notifier notifier) {
		this.notifier = notifier;
	}

	@Override
	public void run(ApplicationArguments args) {
		logger.info("Sending one message of each type as a startup example");
		send("alert", () -> this.notifier.alert(ALERT));
		send("deploy notice", () -> this.notifier.deployed(DEPLOYMENT));
		send("digest", () -> this.notifier.digest(DIGEST));
		send("text", () -> this.notifier.send("ops", BACKUP_FINISHED));
		send("link", () -> this.notifier.send("team", RUNBOOK));
	}

	// An example that DingTalk refuses must not stop the application
	private void send(String example, Supplier<SentMessage> sender) {
		try {
			sender.get();
		}
		catch (DingTalkException ex) {
			logger.warn("Startup example '" + example + "' was not sent: " + ex.getMessage());
		}
	}

}
