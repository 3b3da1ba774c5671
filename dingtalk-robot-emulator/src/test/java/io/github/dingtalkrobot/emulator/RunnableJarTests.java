package io.github.dingtalkrobot.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.dingtalkrobot.emulator.WebhookClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for the runnable jar, {@code dingtalk-robot-emulator-<version>-app.jar}, run as
 * its own process with {@code java -jar}. Run by failsafe after the jar is built.
 */
class RunnableJarTests {

	private static final String SECRET = "SECrunnable";

	@TempDir
	Path directory;

	private Process process;

	@AfterEach
	void stopProcess() throws InterruptedException {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void jarStartsAcceptsASignedMessageAndStops() throws Exception {
		Path output = this.directory.resolve("output.txt");
		String jar = System.getProperty("emulator.jar");
		assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)),
				"The runnable jar has not been built: run ./mvnw verify, which runs this test after package");
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		this.process = new ProcessBuilder(java.toString(), "-jar", jar, "--port", "0", "--robot",
				"ops:token-ops:" + SECRET + ":告警")
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();

		await().atMost(Duration.ofSeconds(60)).until(() -> lines(output).contains("Press Ctrl+C to stop."));
		String webhook = valueAfter(output, "Robot ops: ").replace(" (signed) keywords [告警]", "");
		String inbox = valueAfter(output, "DingTalk emulator inbox: ");

		long timestamp = System.currentTimeMillis();
		Answer answer = WebhookClient.post(WebhookClient.signedUrl(webhook, SECRET, timestamp),
				WebhookClient.text("告警 from a plain HTTP client"));
		assertThat(answer.errcode()).isZero();
		Answer unsigned = WebhookClient.post(webhook, WebhookClient.text("告警 unsigned"));
		assertThat(unsigned.errcode()).isEqualTo(310000);
		assertThat(WebhookClient.send(HttpRequest.newBuilder(URI.create(inbox)).build()).body())
			.contains("告警 from a plain HTTP client");

		this.process.destroy();
		assertThat(this.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(lines(output)).endsWith("DingTalk emulator stopped").noneMatch((line) -> line.contains(SECRET));
	}

	private static String valueAfter(Path output, String prefix) throws IOException {
		List<String> lines = lines(output);
		return lines.stream()
			.filter((line) -> line.startsWith(prefix))
			.map((line) -> line.substring(prefix.length()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No line starts with '" + prefix + "' in " + lines));
	}

	private static List<String> lines(Path output) throws IOException {
		return Files.readAllLines(output, StandardCharsets.UTF_8);
	}

}
