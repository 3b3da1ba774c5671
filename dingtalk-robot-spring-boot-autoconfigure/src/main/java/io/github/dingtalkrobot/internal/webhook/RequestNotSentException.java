package io.github.dingtalkrobot.internal.webhook;

import java.io.IOException;

/**
 * An I/O failure of the {@link RobotHttpTransport} before the first byte of a request was
 * written: the host could not be resolved or reached, the proxy refused the tunnel, or
 * the TLS handshake failed. The request was certainly not delivered. The message names
 * the host and port only, never the request's path or query.
 */
final class RequestNotSentException extends IOException {

	RequestNotSentException(String message, Throwable cause) {
		super(message + ": " + ((cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName()),
				cause);
	}

	RequestNotSentException(String message) {
		super(message);
	}

}
