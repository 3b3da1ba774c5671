package io.github.dingtalkrobot.internal.delivery;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one source of a robot's threads, named {@code dingtalk-<robot>-<role>-<n>} so that
 * a thread dump tells whose they are. Daemon threads, so that a robot nobody closed
 * cannot keep the JVM alive.
 */
final class RobotThreadFactory implements ThreadFactory {

	private final String prefix;

	private final AtomicInteger count = new AtomicInteger();

	/**
	 * Create a factory for the threads of one role of a robot.
	 * @param robotName the name of the robot
	 * @param role what the threads do, for example {@code dispatcher}
	 */
	RobotThreadFactory(String robotName, String role) {
		this.prefix = "dingtalk-" + robotName + "-" + role + "-";
	}

	@Override
	public Thread newThread(Runnable runnable) {
		Thread thread = new Thread(runnable, this.prefix + this.count.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	}

}
