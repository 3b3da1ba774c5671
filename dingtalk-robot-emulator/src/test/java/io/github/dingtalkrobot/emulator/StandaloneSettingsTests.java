package io.github.dingtalkrobot.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link StandaloneSettings}, {@link RobotDefinition} and {@link Main#start}.
 */
class StandaloneSettingsTests {

	@Test
	void robotOnTheCommandLineHasEveryPart() {
		StandaloneSettings settings = StandaloneSettings.parse("--port", "0", "--robot",
				"ops:token-ops:SEC123:告警, 部署:127.0.0.1,::1,fd00::/8");
		assertThat(settings.port()).isZero();
		assertThat(settings.robots()).containsExactly(new RobotDefinition("ops", "token-ops", "SEC123",
				java.util.List.of("告警", "部署"), java.util.List.of("127.0.0.1", "::1", "fd00::/8")));
	}

	@Test
	void robotWithoutSecretOrWithOnlyKeywords() {
		StandaloneSettings settings = StandaloneSettings.parse("--robot", "dev:token-dev", "--robot",
				"qa:token-qa::告警");
		assertThat(settings.port()).isEqualTo(StandaloneSettings.DEFAULT_PORT);
		assertThat(settings.robots()).extracting(RobotDefinition::secret).containsExactly(null, null);
		assertThat(settings.robots().get(1).keywords()).containsExactly("告警");
	}

	@Test
	void robotWithoutAccessTokenIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> StandaloneSettings.parse("--robot", "ops"))
			.withMessage("A robot needs a name and an access token: " + RobotDefinition.SYNTAX);
	}

	@Test
	void unknownOptionMissingValueAndBadPortAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> StandaloneSettings.parse("--robots", "x"))
			.withMessage("Unknown option '--robots'");
		assertThatIllegalArgumentException().isThrownBy(() -> StandaloneSettings.parse("--robot"))
			.withMessage("Option '--robot' needs a value");
		assertThatIllegalArgumentException().isThrownBy(() -> StandaloneSettings.parse("--port", "http"))
			.withMessage("The port must be a number, not 'http'");
		assertThatIllegalArgumentException().isThrownBy(() -> StandaloneSettings.parse("--port", "70000"))
			.withMessage("The port must be between 0 and 65535, not 70000");
	}

	@Test
	void propertiesFileGivesPortAndRobots(@TempDir Path directory) throws IOException {
		Path file = directory.resolve("robots.properties");
		Files.writeString(file, """
				port=0
				robot.ops.token=token-ops
				robot.ops.secret=SEC123
				robot.ops.keywords=告警,部署
				robot.ops.allowed-addresses=127.0.0.1, 10.0.0.0/8
				robot.dev.token=token-dev
				""", StandardCharsets.UTF_8);
		StandaloneSettings settings = StandaloneSettings.parse("--config", file.toString(), "--robot", "qa:token-qa");
		assertThat(settings.port()).isZero();
		assertThat(settings.robots()).extracting(RobotDefinition::name).containsExactly("dev", "ops", "qa");
		assertThat(settings.robots().get(1)).isEqualTo(new RobotDefinition("ops", "token-ops", "SEC123",
				java.util.List.of("告警", "部署"), java.util.List.of("127.0.0.1", "10.0.0.0/8")));
	}

	@Test
	void portOnTheCommandLineWinsOverTheFile(@TempDir Path directory) throws IOException {
		Path file = directory.resolve("robots.properties");
		Files.writeString(file, "port=9000\n");
		assertThat(StandaloneSettings.parse("--port", "0", "--config", file.toString()).port()).isZero();
	}

	@Test
	void unknownPropertyIsRefused(@TempDir Path directory) throws IOException {
		Path file = directory.resolve("robots.properties");
		Files.writeString(file, "robot.ops.tokn=x\nrobot.ops.token=y\nhost=0.0.0.0\n");
		assertThatIllegalArgumentException().isThrownBy(() -> StandaloneSettings.parse("--config", file.toString()))
			.withMessage("Unknown property 'host' in " + file);
	}

	@Test
	void missingFileIsReported(@TempDir Path directory) {
		Path file = directory.resolve("missing.properties");
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> StandaloneSettings.parse("--config", file.toString()))
			.withMessage("Cannot read " + file);
	}

	@Test
	void startedEmulatorPrintsItsInboxAndWebhooksWithoutSecrets() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		StandaloneSettings settings = StandaloneSettings.parse("--port", "0", "--robot",
				"ops:token-ops:SECsecret:告警:127.0.0.1");
		try (DingTalkEmulator emulator = Main.start(settings, new PrintStream(out, true, StandardCharsets.UTF_8))) {
			EmulatedRobot ops = emulator.robot("ops");
			assertThat(ops.secret()).isEqualTo("SECsecret");
			assertThat(ops.keywords()).containsExactly("告警");
			assertThat(ops.allowedAddresses()).containsExactly("127.0.0.1");
			assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
					DingTalk emulator inbox: %s
					Robot ops: %s (signed) keywords [告警] from [127.0.0.1]
					Press Ctrl+C to stop.
					""".formatted(emulator.inboxUrl(), ops.webhook())).doesNotContain("SECsecret");
		}
	}

}
