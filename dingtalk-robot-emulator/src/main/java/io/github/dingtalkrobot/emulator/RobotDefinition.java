package io.github.dingtalkrobot.emulator;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A robot for the emulator on its own, as given on the command line or in a properties
 * file.
 *
 * @param name the robot's name
 * @param accessToken the robot's access token
 * @param secret the secret requests must be signed with, or {@code null}
 * @param keywords the keywords a message must contain one of
 * @param allowedAddresses the IP addresses and CIDR ranges requests must come from
 */
record RobotDefinition(String name, String accessToken, @Nullable String secret, List<String> keywords,
		List<String> allowedAddresses) {

	static final String SYNTAX = "name:token[:secret[:keyword,...[:address-or-cidr,...]]]";

	RobotDefinition {
		if (name.isEmpty() || accessToken.isEmpty()) {
			throw new IllegalArgumentException("A robot needs a name and an access token: " + SYNTAX);
		}
		keywords = List.copyOf(keywords);
		allowedAddresses = List.copyOf(allowedAddresses);
	}

	/**
	 * Parse a robot given on the command line, such as
	 * {@code ops:token-ops:SEC123:告警,部署:127.0.0.1,::1}. An empty secret means none; the
	 * addresses come last so that IPv6 addresses may hold colons.
	 * @param definition the definition
	 * @return the robot
	 * @throws IllegalArgumentException if the name or the access token is missing
	 */
	static RobotDefinition parse(String definition) {
		String[] parts = definition.split(":", 5);
		return new RobotDefinition(parts[0], part(parts, 1), emptyToNull(part(parts, 2)), list(part(parts, 3)),
				list(part(parts, 4)));
	}

	/**
	 * Read a robot from properties: {@code robot.<name>.token}, {@code .secret},
	 * {@code .keywords} and {@code .allowed-addresses}.
	 * @param name the robot's name
	 * @param properties the properties, without the {@code robot.<name>.} prefix
	 * @return the robot
	 * @throws IllegalArgumentException if the access token is missing
	 */
	static RobotDefinition of(String name, Map<String, String> properties) {
		return new RobotDefinition(name, properties.getOrDefault("token", ""),
				emptyToNull(properties.getOrDefault("secret", "")), list(properties.getOrDefault("keywords", "")),
				list(properties.getOrDefault("allowed-addresses", "")));
	}

	/**
	 * Register the robot with an emulator.
	 * @param emulator the emulator
	 * @return the registered robot
	 */
	EmulatedRobot registerWith(DingTalkEmulator emulator) {
		return emulator.registerRobot(this.name, this.accessToken)
			.secret(this.secret)
			.keywords(this.keywords.toArray(String[]::new))
			.allowedAddresses(this.allowedAddresses.toArray(String[]::new));
	}

	private static String part(String[] parts, int index) {
		return (index < parts.length) ? parts[index].strip() : "";
	}

	private static @Nullable String emptyToNull(String value) {
		return value.isBlank() ? null : value.strip();
	}

	private static List<String> list(String commaSeparated) {
		return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter((item) -> !item.isEmpty()).toList();
	}

}
