package io.github.dingtalkrobot.emulator;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

import org.jspecify.annotations.Nullable;

/**
 * A fault to inject into the answer to one request.
 *
 * @param kind the kind of fault
 * @param replacement the response that replaces normal handling, or {@code null} to
 * handle the request as usual
 * @param delay how long to hold the answer back
 * @param release what the answer waits for, or {@code null} to answer without waiting
 */
record Fault(FaultKind kind, @Nullable EmulatorResponse replacement, Duration delay,
		@Nullable CompletionStage<?> release) {

	static Fault replacing(FaultKind kind, EmulatorResponse replacement) {
		return new Fault(kind, replacement, Duration.ZERO, null);
	}

	static Fault delay(Duration delay) {
		return new Fault(FaultKind.DELAY, null, delay, null);
	}

	static Fault held(CompletionStage<?> release) {
		return new Fault(FaultKind.HELD, null, Duration.ZERO, release);
	}

}
