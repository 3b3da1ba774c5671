package io.github.dingtalkrobot.logging;

import java.util.Collection;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.spi.ILoggingEvent;
import org.jspecify.annotations.Nullable;

/**
 * The rollups that an appender holds, by fingerprint, at most as many as its buffer size:
 * those waiting for the dispatcher's alert and those whose dedup window is open. A
 * logging thread counts a repeat of an open fingerprint in its rollup without a lock and
 * without taking room; only an event that opens a rollup is prepared for the dispatcher
 * and handed over. When the rollups are as many as the capacity, events that would open
 * one are dropped and counted.
 */
final class Rollups {

	private final ConcurrentMap<Fingerprint, Rollup> open = new ConcurrentHashMap<>();

	// Every rollup from its opening until the dispatcher released it, so that memory
	// stays
	// bounded even while windows end faster than the dispatcher summarizes them
	private final AtomicInteger held = new AtomicInteger();

	private final int capacity;

	private final long windowMillis;

	// Unbounded, but it never holds more than the capacity: a rollup is queued only once
	// its room is taken
	private final BlockingQueue<Rollup> opened = new LinkedBlockingQueue<>();

	private final AtomicLong dropped = new AtomicLong();

	Rollups(int capacity, long windowMillis) {
		this.capacity = capacity;
		this.windowMillis = windowMillis;
	}

	/**
	 * Count an event in the open rollup of its fingerprint, or open one for it.
	 * @param event the event
	 * @param timestamp the event's time
	 */
	void record(ILoggingEvent event, long timestamp) {
		Fingerprint fingerprint = Fingerprint.of(event);
		while (true) {
			Rollup rollup = this.open.get(fingerprint);
			if (rollup != null && !rollup.endsBy(timestamp, this.windowMillis) && rollup.add(timestamp)) {
				return;
			}
			if (this.held.get() >= this.capacity) {
				this.dropped.incrementAndGet();
				return;
			}
			event.prepareForDeferredProcessing();
			Rollup opening = new Rollup(fingerprint, new LoggedEvent(event, timestamp));
			if ((rollup != null) ? this.open.replace(fingerprint, rollup, opening)
					: this.open.putIfAbsent(fingerprint, opening) == null) {
				hold(opening);
				return;
			}
			// Another thread opened one first: count the event in it
		}
	}

	// Only a thread that opened a rollup takes room, so that threads that lost the race
	// to open one never crowd out another fingerprint
	private void hold(Rollup opening) {
		if (this.held.incrementAndGet() <= this.capacity) {
			this.opened.add(opening);
			return;
		}
		long count = opening.close();
		this.open.remove(opening.fingerprint(), opening);
		this.held.decrementAndGet();
		this.dropped.addAndGet(count);
	}

	/**
	 * Wait for a rollup that was opened since the last call.
	 * @param timeoutMillis how long to wait
	 * @return the rollup, or {@code null} if none was opened in time
	 * @throws InterruptedException if the thread is interrupted while waiting
	 */
	@Nullable Rollup pollOpened(long timeoutMillis) throws InterruptedException {
		return this.opened.poll(timeoutMillis, TimeUnit.MILLISECONDS);
	}

	void drainOpened(Collection<Rollup> rollups) {
		this.opened.drainTo(rollups);
	}

	/**
	 * Give back the room of a {@link Rollup#close closed} rollup.
	 * @param rollup the rollup
	 */
	void release(Rollup rollup) {
		this.open.remove(rollup.fingerprint(), rollup);
		this.held.decrementAndGet();
	}

	/**
	 * Count events that no message will report.
	 * @param events how many
	 */
	void drop(long events) {
		this.dropped.addAndGet(events);
	}

	/**
	 * Return how many events were dropped since the last call.
	 * @return the count
	 */
	long takeDropped() {
		return this.dropped.getAndSet(0);
	}

}
