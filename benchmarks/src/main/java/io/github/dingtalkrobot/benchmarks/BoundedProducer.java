package io.github.dingtalkrobot.benchmarks;

import java.util.concurrent.CompletableFuture;

import io.github.dingtalkrobot.DingTalkResponse;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the {@code sendAsync} calls of a benchmark within its robot's queue: after every
 * {@value #BATCH} calls, {@link #keepRoom()} waits, outside the measured time, until the
 * last message of the batch before has been settled, so the queue never holds more than
 * two batches. Every call measured is therefore one that the queue had room for; calls
 * refused all the same are counted, and fail the iteration.
 */
final class BoundedProducer {

	/**
	 * The calls between two waits.
	 */
	static final int BATCH = 10_000;

	private long offered;

	private long refused;

	private @Nullable CompletableFuture<DingTalkResponse> last;

	private @Nullable CompletableFuture<DingTalkResponse> lastOfPreviousBatch;

	/**
	 * Note a call's future.
	 * @param future what {@code sendAsync} returned
	 * @return the future
	 */
	CompletableFuture<DingTalkResponse> sent(CompletableFuture<DingTalkResponse> future) {
		if (future.isCompletedExceptionally()) {
			this.refused++;
		}
		this.last = future;
		return future;
	}

	/**
	 * After every {@value #BATCH} calls, wait until the batch before was settled. For a
	 * {@code @TearDown(Level.Invocation)}, which JMH leaves out of each sampled call.
	 */
	void keepRoom() {
		if (++this.offered % BATCH == 0) {
			if (this.lastOfPreviousBatch != null) {
				this.lastOfPreviousBatch.exceptionally((failure) -> null).join();
			}
			this.lastOfPreviousBatch = this.last;
		}
	}

	/**
	 * End an iteration, whose robot was closed.
	 * @throws IllegalStateException if a call was refused
	 */
	void endIteration() {
		this.lastOfPreviousBatch = null;
		if (this.refused > 0) {
			throw new IllegalStateException(this.refused + " calls of sendAsync were refused");
		}
	}

}
