package io.github.dingtalkrobot.logging;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import ch.qos.logback.core.spi.ContextAware;
import io.github.dingtalkrobot.DingTalkQueueFullException;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.message.Message;
import org.jspecify.annotations.Nullable;

/**
 * The appender's own thread: takes events from the buffer, rolls up those with the same
 * {@link Fingerprint} within the dedup window, and hands alerts and summaries to the
 * robot's {@link DingTalkRobot#sendAsync sendAsync}. Alerts wait in an outbox as large as
 * the buffer until the robot can be found; beyond that the oldest are dropped and
 * counted. Only this thread touches the rollups and the outbox.
 */
final class AlertDispatcher implements Runnable {

	// How often the dispatcher looks at the clock for windows that ended while no event
	// came
	private static final long TICK_MILLIS = 100;

	private final BlockingQueue<LoggedEvent> buffer;

	private final AtomicLong dropped;

	private final AlertFormatter formatter;

	private final Clock clock;

	private final long windowMillis;

	private final Supplier<@Nullable DingTalkRobot> robot;

	private final ContextAware status;

	private final Map<Fingerprint, Rollup> rollups = new HashMap<>();

	private final Deque<Message> outbox = new ArrayDeque<>();

	private final int outboxCapacity;

	private final Queue<CompletableFuture<Void>> flushes = new ConcurrentLinkedQueue<>();

	private final List<LoggedEvent> drained = new ArrayList<>();

	private volatile boolean running = true;

	AlertDispatcher(BlockingQueue<LoggedEvent> buffer, AtomicLong dropped, AlertFormatter formatter, Clock clock,
			long windowMillis, Supplier<@Nullable DingTalkRobot> robot, ContextAware status) {
		this.buffer = buffer;
		this.outboxCapacity = buffer.remainingCapacity();
		this.dropped = dropped;
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
				LoggedEvent event = this.buffer.poll(TICK_MILLIS, TimeUnit.MILLISECONDS);
				if (event != null) {
					accept(event);
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
		this.buffer.drainTo(this.drained);
		this.drained.forEach(this::accept);
		this.drained.clear();
	}

	private void accept(LoggedEvent event) {
		Fingerprint fingerprint = Fingerprint.of(event.event());
		Rollup rollup = this.rollups.get(fingerprint);
		if (rollup != null && !rollup.endsBy(event.timestamp(), this.windowMillis)) {
			rollup.add(event.timestamp());
			return;
		}
		if (rollup != null) {
			summarize(rollup);
		}
		this.rollups.put(fingerprint, new Rollup(event));
		post(this.formatter.alert(event, this.dropped.getAndSet(0)));
	}

	private void summarize(boolean all) {
		long now = this.clock.millis();
		for (Iterator<Rollup> rollups = this.rollups.values().iterator(); rollups.hasNext();) {
			Rollup rollup = rollups.next();
			if (all || rollup.endsBy(now, this.windowMillis)) {
				summarize(rollup);
				rollups.remove();
			}
		}
	}

	private void summarize(Rollup rollup) {
		if (rollup.count() > 1) {
			post(this.formatter.summary(rollup, this.dropped.getAndSet(0)));
		}
	}

	private void post(Message message) {
		if (this.outbox.size() >= this.outboxCapacity) {
			this.outbox.poll();
			this.dropped.incrementAndGet();
		}
		this.outbox.add(message);
	}

	private void send() {
		if (this.outbox.isEmpty()) {
			return;
		}
		DingTalkRobot robot = this.robot.get();
		if (robot == null) {
			return;
		}
		Message message;
		while ((message = this.outbox.poll()) != null) {
			robot.sendAsync(message).whenComplete((response, failure) -> {
				if (failure instanceof DingTalkQueueFullException) {
					this.dropped.incrementAndGet();
				}
				else if (failure != null) {
					this.status.addWarn("Robot '" + robot.name() + "' did not deliver an alert: " + failure);
				}
			});
		}
	}

}
