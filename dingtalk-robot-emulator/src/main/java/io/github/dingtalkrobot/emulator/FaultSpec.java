package io.github.dingtalkrobot.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

import org.springframework.util.Assert;

/**
 * The fault an {@link EmulatedRobot} injects into its next requests, for example
 * {@code robot.failNext(3).withErrcode(-1)}.
 *
 * @see EmulatedRobot#failNext(int)
 */
public final class FaultSpec {

	private final EmulatedRobot robot;

	private final int count;

	FaultSpec(EmulatedRobot robot, int count) {
		this.robot = robot;
		this.count = count;
	}

	/**
	 * Answer HTTP 200 with a non-zero {@code errcode} and the {@code errmsg} DingTalk
	 * documents for it, such as -1 (系统繁忙, system busy) or 410100 (rate limited).
	 * @param errcode the error code
	 * @return the robot
	 */
	public EmulatedRobot withErrcode(int errcode) {
		return withErrcode(errcode, DingTalkError.errmsgFor(errcode));
	}

	/**
	 * Answer HTTP 200 with a non-zero {@code errcode} and a given {@code errmsg}.
	 * @param errcode the error code
	 * @param errmsg the error message
	 * @return the robot
	 */
	public EmulatedRobot withErrcode(int errcode, String errmsg) {
		Assert.isTrue(errcode != 0, "'errcode' must not be 0, which means success");
		return inject(Fault.replacing(FaultKind.ERRCODE, EmulatorResponse.answer(errcode, errmsg)));
	}

	/**
	 * Answer with an HTTP status and no body.
	 * @param status the HTTP status, from 200 to 599
	 * @return the robot
	 */
	public EmulatedRobot withHttpStatus(int status) {
		assertStatus(status);
		return inject(Fault.replacing(FaultKind.HTTP_STATUS, EmulatorResponse.status(status)));
	}

	/**
	 * Answer with an HTML error page ({@code text/html}), as DingTalk's gateway does when
	 * something in front of the robot service fails.
	 * @param status the HTTP status, from 200 to 599; 502 and 200 are both seen
	 * @return the robot
	 */
	public EmulatedRobot withHtmlPage(int status) {
		assertStatus(status);
		return inject(Fault.replacing(FaultKind.HTML_PAGE, EmulatorResponse.htmlPage(status)));
	}

	/**
	 * Answer with any HTTP status, content type and body, for answers DingTalk is not
	 * documented to give but a client must survive: an empty body, cut-off JSON, JSON
	 * without {@code errcode}, or a body that echoes the access token. The body is sent
	 * as given, even when it contains a secret.
	 * @param status the HTTP status, from 200 to 599
	 * @param contentType the {@code Content-Type} of the body
	 * @param body the body, possibly empty
	 * @return the robot
	 */
	public EmulatedRobot withBody(int status, String contentType, String body) {
		assertStatus(status);
		Assert.hasText(contentType, "'contentType' must not be empty");
		Assert.notNull(body, "'body' must not be null");
		return inject(Fault.replacing(FaultKind.BODY,
				EmulatorResponse.body(status, contentType, body.getBytes(StandardCharsets.UTF_8))));
	}

	/**
	 * Handle the requests as usual but hold each answer until {@code release} completes,
	 * for exercising what a client does while a request is in flight. A held message that
	 * is valid is delivered, as it would be by DingTalk. No emulator thread waits for the
	 * release, and closing the emulator ends the wait.
	 * @param release completes (normally or not) when the answers may be sent
	 * @return the robot
	 */
	public EmulatedRobot withAnswerHeldUntil(CompletionStage<?> release) {
		Assert.notNull(release, "'release' must not be null");
		return inject(Fault.held(release));
	}

	/**
	 * Close the connection without answering once the request has been read, so the
	 * client sees an I/O error.
	 * @return the robot
	 */
	public EmulatedRobot withDroppedConnection() {
		return inject(Fault.replacing(FaultKind.DROPPED_CONNECTION, EmulatorResponse.droppedConnection()));
	}

	/**
	 * Handle the requests as usual but answer only after a real (wall-clock) delay, for
	 * exercising a client's read timeout. A delayed message that is valid is delivered,
	 * as it would be by DingTalk. No emulator thread waits for the delay, and closing the
	 * emulator ends it.
	 * @param delay the delay
	 * @return the robot
	 */
	public EmulatedRobot withDelay(Duration delay) {
		Assert.isTrue(delay.compareTo(Duration.ZERO) > 0, "'delay' must be positive");
		return inject(Fault.delay(delay));
	}

	private static void assertStatus(int status) {
		Assert.isTrue(status >= 200 && status <= 599, "'status' must be between 200 and 599");
	}

	private EmulatedRobot inject(Fault fault) {
		this.robot.addFault(fault, this.count);
		return this.robot;
	}

}
