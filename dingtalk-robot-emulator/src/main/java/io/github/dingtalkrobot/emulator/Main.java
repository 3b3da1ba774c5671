package io.github.dingtalkrobot.emulator;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link DingTalkEmulator} on its own, for teams that are not on Spring and for
 * testers: {@code java -jar dingtalk-robot-emulator-<version>-app.jar --robot
 * ops:token-ops:SEC...}. It prints each robot's webhook URL and the inbox page's URL, and
 * runs until the process is stopped (Ctrl+C).
 */
public final class Main {

	private static final int USAGE_ERROR = 2;

	private Main() {
	}

	/**
	 * Start the emulator and wait until the process is stopped.
	 * @param args {@code --port N},
	 * {@code --robot name:token[:secret[:keywords[:addresses]]]} (repeatable) and
	 * {@code --config file.properties}
	 * @throws InterruptedException if interrupted while waiting
	 */
	public static void main(String[] args) throws InterruptedException {
		if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
			System.out.print(StandaloneSettings.USAGE);
			return;
		}
		DingTalkEmulator emulator;
		try {
			emulator = start(StandaloneSettings.parse(args), System.out);
		}
		catch (IllegalArgumentException | IllegalStateException | UncheckedIOException ex) {
			System.err.println(ex.getMessage());
			System.err.print(StandaloneSettings.USAGE);
			System.exit(USAGE_ERROR);
			return;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			emulator.close();
			System.out.println("DingTalk emulator stopped");
			stopped.countDown();
		}, "dingtalk-emulator-shutdown"));
		// The server's threads are daemons: wait here so that the JVM keeps running
		stopped.await();
	}

	/**
	 * Start an emulator with robots and print where to reach it.
	 * @param settings the port and the robots
	 * @param out where to print the URLs
	 * @return the running emulator
	 */
	static DingTalkEmulator start(StandaloneSettings settings, PrintStream out) {
		DingTalkEmulator emulator = DingTalkEmulator.builder().port(settings.port()).build();
		settings.robots().forEach((robot) -> robot.registerWith(emulator));
		emulator.start();
		out.println("DingTalk emulator inbox: " + emulator.inboxUrl());
		if (emulator.robots().isEmpty()) {
			out.println("No robots: add some with --robot " + RobotDefinition.SYNTAX);
		}
		for (EmulatedRobot robot : emulator.robots()) {
			out.println("Robot " + robot.name() + ": " + robot.webhook() + describe(robot));
		}
		out.println("Press Ctrl+C to stop.");
		return emulator;
	}

	private static String describe(EmulatedRobot robot) {
		StringBuilder description = new StringBuilder();
		if (robot.secret() != null) {
			description.append(" (signed)");
		}
		if (!robot.keywords().isEmpty()) {
			description.append(" keywords ").append(robot.keywords());
		}
		if (!robot.allowedAddresses().isEmpty()) {
			description.append(" from ").append(robot.allowedAddresses());
		}
		return description.toString();
	}

}
