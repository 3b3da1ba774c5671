package io.github.dingtalkrobot.test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import io.github.dingtalkrobot.DingTalkAppRobot;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedApp;
import io.github.dingtalkrobot.emulator.MutableClock;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An emulator on a given clock for each test, with one registered app whose robot is in
 * one group, and app robots that send to it on the same clock and are closed before the
 * emulator stops.
 */
final class AppRobots extends DingTalkEmulatorExtension {

	static final String CLIENT_ID = "dingclient0oncall";

	static final String CLIENT_SECRET = "app-secret-5f2c9e7a1b";

	static final String ROBOT_CODE = "dingrobot0oncall";

	static final String CONVERSATION_ID = "cidOncallGroup==";

	private final Clock clock;

	private final List<DingTalkRobot> robots = new ArrayList<>();

	AppRobots(Clock clock) {
		super(DingTalkEmulator.builder().clock(clock));
		this.clock = clock;
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		super.beforeEach(context);
		emulator().registerApp(CLIENT_ID, CLIENT_SECRET, ROBOT_CODE).conversation(CONVERSATION_ID);
	}

	EmulatedApp app() {
		return emulator().app(CLIENT_ID);
	}

	DingTalkAppRobot robot() {
		return robot((builder) -> builder);
	}

	DingTalkAppRobot robot(UnaryOperator<DingTalkRobot.Builder> settings) {
		DingTalkAppRobot robot = settings
			.apply(DingTalkRobot.builder("oncall")
				.app(CLIENT_ID, CLIENT_SECRET, ROBOT_CODE, CONVERSATION_ID)
				.openApiBaseUrl(emulator().openApiBaseUrl())
				.clock(this.clock))
			.buildApp();
		this.robots.add(robot);
		return robot;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.robots.forEach(DingTalkRobot::close);
		this.robots.clear();
		super.afterEach(context);
	}

}
