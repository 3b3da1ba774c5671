package io.github.dingtalkrobot.logging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.RobotState;
import io.github.dingtalkrobot.message.Message;

/**
 * A robot whose first {@code sendAsync} holds the caller until the test opens the gate,
 * so that a test can fill the appender's buffer while its thread is busy.
 */
final class GatedRobot implements DingTalkRobot {

	private final DingTalkRobot robot;

	private final CountDownLatch entered = new CountDownLatch(1);

	private final CountDownLatch gate = new CountDownLatch(1);

	GatedRobot(DingTalkRobot robot) {
		this.robot = robot;
	}

	boolean awaitEntered() throws InterruptedException {
		return this.entered.await(10, TimeUnit.SECONDS);
	}

	void open() {
		this.gate.countDown();
	}

	@Override
	public String name() {
		return this.robot.name();
	}

	@Override
	public DingTalkResponse send(Message message) {
		return this.robot.send(message);
	}

	@Override
	public CompletableFuture<DingTalkResponse> sendAsync(Message message) {
		this.entered.countDown();
		try {
			this.gate.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return this.robot.sendAsync(message);
	}

	@Override
	public RobotState state() {
		return this.robot.state();
	}

	@Override
	public void close() {
		this.robot.close();
	}

}
