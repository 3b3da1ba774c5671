package io.github.dingtalkrobot.test;

import io.github.dingtalkrobot.emulator.DingTalkEmulator;
import io.github.dingtalkrobot.emulator.EmulatedRobot;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit Jupiter extension that runs a {@link DingTalkEmulator} for a test class:
 * <pre class="code">
 * &#64;RegisterExtension
 * static DingTalkEmulatorExtension dingtalk = new DingTalkEmulatorExtension();
 *
 * &#64;BeforeAll
 * static void registerRobots() {
 *     dingtalk.registerRobot("ops", "token-ops").secret("SEC...");
 * }
 * </pre> Registered in a static field (or with {@code @ExtendWith}), the emulator starts
 * before all tests and stops after them; registered in an instance field, it runs for
 * each test. Between tests it is {@link DingTalkEmulator#reset() reset}, so each test
 * sees only its own requests, while registered robots stay. Test constructors, lifecycle
 * methods and test methods can declare a {@link DingTalkEmulator} parameter. Not for
 * tests that run in parallel against one emulator and expect each other's requests to be
 * absent.
 */
public class DingTalkEmulatorExtension
		implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {

	private final DingTalkEmulator emulator;

	private volatile @Nullable String startedBy;

	/**
	 * Create an extension running an emulator with the default settings.
	 */
	public DingTalkEmulatorExtension() {
		this(DingTalkEmulator.builder());
	}

	/**
	 * Create an extension running an emulator with custom settings, such as a clock.
	 * @param builder the emulator's builder
	 */
	public DingTalkEmulatorExtension(DingTalkEmulator.Builder builder) {
		this.emulator = builder.build();
	}

	/**
	 * Return the emulator.
	 * @return the emulator
	 */
	public DingTalkEmulator emulator() {
		return this.emulator;
	}

	/**
	 * Register a robot with the emulator.
	 * @param name the robot's name
	 * @param accessToken the robot's access token
	 * @return the robot
	 * @see DingTalkEmulator#registerRobot(String, String)
	 */
	public EmulatedRobot registerRobot(String name, String accessToken) {
		return this.emulator.registerRobot(name, accessToken);
	}

	/**
	 * Return a robot registered with the emulator.
	 * @param name the robot's name
	 * @return the robot
	 * @see DingTalkEmulator#robot(String)
	 */
	public EmulatedRobot robot(String name) {
		return this.emulator.robot(name);
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		startIfStopped(context);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		startIfStopped(context);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.emulator.reset();
		stopIfStartedBy(context);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stopIfStartedBy(context);
	}

	// The context that started the emulator stops it, so that nested classes and
	// per-test registration share one lifecycle
	private synchronized void startIfStopped(ExtensionContext context) {
		if (!this.emulator.isRunning()) {
			this.emulator.start();
			this.startedBy = context.getUniqueId();
		}
	}

	private synchronized void stopIfStartedBy(ExtensionContext context) {
		if (context.getUniqueId().equals(this.startedBy)) {
			this.emulator.close();
			this.startedBy = null;
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == DingTalkEmulator.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return this.emulator;
	}

}
