package io.github.dingtalkrobot.emulator;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * What the emulator on its own runs with: its port and robots, from the command line and
 * optionally a properties file.
 *
 * @param port the port, 0 for any free one
 * @param robots the robots
 */
record StandaloneSettings(int port, List<RobotDefinition> robots) {

	static final int DEFAULT_PORT = 8089;

	static final String USAGE = """
			Usage: java -jar dingtalk-robot-emulator-<version>-app.jar [--port N] [--robot %s]... [--config FILE]
			  --port N       listen on 127.0.0.1:N (default %d; 0 picks a free port)
			  --robot ...    a robot; repeat for more. An empty secret means unsigned, e.g. ops:token::告警
			  --config FILE  a UTF-8 properties file with port=N and, per robot,
			                 robot.<name>.token, .secret, .keywords, .allowed-addresses (comma-separated)
			""".formatted(RobotDefinition.SYNTAX, DEFAULT_PORT);

	StandaloneSettings {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("The port must be between 0 and 65535, not " + port);
		}
		robots = List.copyOf(robots);
	}

	/**
	 * Read the command line.
	 * @param args the arguments
	 * @return the settings
	 * @throws IllegalArgumentException if an argument is unknown or invalid
	 * @throws UncheckedIOException if the properties file cannot be read
	 */
	static StandaloneSettings parse(String... args) {
		Integer port = null;
		List<RobotDefinition> robots = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			String option = args[i];
			String value = (i + 1 < args.length) ? args[++i] : missingValue(option);
			switch (option) {
				case "--port" -> port = port(value);
				case "--robot" -> robots.add(RobotDefinition.parse(value));
				case "--config" -> {
					StandaloneSettings file = load(Path.of(value));
					port = (port != null) ? port : file.port();
					robots.addAll(file.robots());
				}
				default -> throw new IllegalArgumentException("Unknown option '" + option + "'");
			}
		}
		return new StandaloneSettings((port != null) ? port : DEFAULT_PORT, robots);
	}

	private static StandaloneSettings load(Path file) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
		Map<String, Map<String, String>> robots = new LinkedHashMap<>();
		for (String key : new TreeSet<>(properties.stringPropertyNames())) {
			int nameEnd = key.lastIndexOf('.');
			if (key.startsWith("robot.") && nameEnd > "robot.".length()) {
				robots.computeIfAbsent(key.substring("robot.".length(), nameEnd), (name) -> new LinkedHashMap<>())
					.put(key.substring(nameEnd + 1), properties.getProperty(key));
			}
			else if (!key.equals("port")) {
				throw new IllegalArgumentException("Unknown property '" + key + "' in " + file);
			}
		}
		List<RobotDefinition> definitions = robots.entrySet()
			.stream()
			.map((robot) -> RobotDefinition.of(robot.getKey(), robot.getValue()))
			.toList();
		return new StandaloneSettings(port(properties.getProperty("port", String.valueOf(DEFAULT_PORT))), definitions);
	}

	private static int port(String value) {
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("The port must be a number, not '" + value + "'");
		}
	}

	private static String missingValue(String option) {
		throw new IllegalArgumentException("Option '" + option + "' needs a value");
	}

}
