package io.github.dingtalkrobot.logging;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

import ch.qos.logback.core.spi.ContextAware;
import io.github.dingtalkrobot.DingTalkQueueFullException;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.message.Message;
import org.jspecify.annotations.Nullable;

/**
 * The appender's own thread: alerts the first event of each {@link Rollup} that logging
 * threads open, summarizes the rollups whose dedup window ended, and hands alerts and
 * summaries to the robot's {@link DingTalkRobot#sendAsync sendAsync}. Messages wait in an
 * outbox as large as the buffer until the robot can be found; beyond that the oldest are
 * dropped and the events they carried counted. Only this thread alerts, closes rollups
 * and touches the outbox.
 */
final class AlertDispatcher implements Runnable {

	// How often the dispatcher looks at the clock for windows that ended while no rollup
	// was opened
	private static final long TICK_MILLIS = 100;

	private final Rollups rollups;

	private final AlertFormatter formatter;

	private final Clock clock;

	private final long windowMillis;

	private final Supplier<@Nullable DingTalkRobot> robot;

	private final ContextAware status;

	private final List<Rollup> alerted = new ArrayList<>();

	private final Deque<Outgoing> outbox = new ArrayDeque<>();

	private final int outboxCapacity;

	private final Queue<CompletableFuture<Void>> flushes = new ConcurrentLinkedQueue<>();

	private final List<Rollup> drained = new ArrayList<>();

	private volatile boolean running = true;

	AlertDispatcher(Rollups rollups, int outboxCapacity, AlertFormatter formatter, Clock clock, long windowMillis,
			Supplier<@Nullable DingTalkRobot> robot, ContextAware status) {
		this.rollups = rollups;
		this.outboxCapacity = outboxCapacity;
		this.formatter = formatter;
		this.clock = clock;
		this.windowMillis = windowMillis;
		this.robot = robot;
		this.status = status;
	}

	@Override
	public void run() {
		try {
			while (this.running) {
				Rollup opened = this.rollups.pollOpened(TICK_MILLIS);
				if (opened != null) {
					alert(opened);
					drain();
				}
				summarize(false);
				send();
				completeFlushes();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			flush();
			completeFlushes();
		}
	}

	/**
	 * Ask the dispatcher to send what it holds, summaries of open rollups included.
	 * @return a future completed once the dispatcher handed everything to the robot
	 */
	CompletableFuture<Void> requestFlush() {
		CompletableFuture<Void> flushed = new CompletableFuture<>();
		this.flushes.add(flushed);
		if (!this.running) {
			flushed.complete(null);
		}
		return flushed;
	}

	void stop() {
		this.running = false;
	}

	private void completeFlushes() {
		if (this.flushes.isEmpty()) {
			return;
		}
		flush();
		CompletableFuture<Void> flushed;
		while ((flushed = this.flushes.poll()) != null) {
			flushed.complete(null);
		}
	}

	private void flush() {
		drain();
		summarize(true);
		send();
	}

	private void drain() {
		this.rollups.drainOpened(this.drained);
		this.drained.forEach(this::alert);
		this.drained.clear();
	}

	private void alert(Rollup rollup) {
		post(this.formatter.alert(rollup.first(), this.rollups.takeDropped()), 1);
		this.alerted.add(rollup);
	}

	private void summarize(boolean all) {
		long now = this.clock.millis();
		for (Iterator<Rollup> alerted = this.alerted.iterator(); alerted.hasNext();) {
			Rollup rollup = alerted.next();
			if (all || rollup.endsBy(now, this.windowMillis)) {
				alerted.remove();
				long count = rollup.close();
				this.rollups.release(rollup);
				if (count > 1) {
					// The first event was in the alert
					post(this.formatter.summary(rollup, count, this.rollups.takeDropped()), count - 1);
				}
			}
		}
	}

	private void post(Message message, long events) {
		if (this.outbox.size() >= this.outboxCapacity) {
			this.rollups.drop(this.outbox.remove().events());
		}
		this.outbox.add(new Outgoing(message, events));
	}

	private void send() {
		if (this.outbox.isEmpty()) {
			return;
		}
		DingTalkRobot robot = this.robot.get();
		if (robot == null) {
			return;
		}
		Outgoing outgoing;
		while ((outgoing = this.outbox.poll()) != null) {
			long events = outgoing.events();
			robot.sendAsync(outgoing.message()).whenComplete((response, failure) -> {
				if (failure instanceof DingTalkQueueFullException) {
					this.rollups.drop(events);
				}
				else if (failure != null) {
					this.status.addWarn("Robot '" + robot.name() + "' did not deliver an alert: " + failure);
				}
			});
		}
	}

	/**
	 * A message waiting for the robot, and how many events it reports.
	 */
	private record Outgoing(Message message, long events) {

	}

}
