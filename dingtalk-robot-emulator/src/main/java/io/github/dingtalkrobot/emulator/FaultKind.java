package io.github.dingtalkrobot.emulator;

/**
 * The kinds of fault an {@link EmulatedRobot} can be told to inject.
 *
 * @see EmulatedRobot#failNext(int)
 */
public enum FaultKind {

	/**
	 * HTTP 200 with a given {@code errcode}; the message is not delivered.
	 */
	ERRCODE,

	/**
	 * A given HTTP status without a body; the message is not delivered.
	 */
	HTTP_STATUS,

	/**
	 * A given HTTP status, content type and body; the message is not delivered.
	 */
	BODY,

	/**
	 * An HTML error page, as DingTalk's gateway serves it; the message is not delivered.
	 */
	HTML_PAGE,

	/**
	 * The connection is closed without a response; the message is not delivered.
	 */
	DROPPED_CONNECTION,

	/**
	 * The request is handled as usual (and delivered if valid) but answered only after a
	 * delay.
	 */
	DELAY,

	/**
	 * The request is handled as usual (and delivered if valid) but answered only once a
	 * given stage completes.
	 */
	HELD

}
