package io.github.dingtalkrobot.internal.webhook;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.util.Locale;

/**
 * Tells I/O failures that happened before a request left the machine from those that
 * happened after, when DingTalk may already have posted the message.
 */
public final class TransportFailures {

	private TransportFailures() {
	}

	/**
	 * Return whether the failure shows that no connection to DingTalk was made, so the
	 * request was certainly not delivered.
	 * @param failure the I/O failure, with its causes
	 * @return whether the request was never sent
	 */
	public static boolean neverSent(Throwable failure) {
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (current instanceof RequestNotSentException || current instanceof ConnectException
					|| current instanceof NoRouteToHostException || current instanceof UnknownHostException
					|| current instanceof HttpConnectTimeoutException || isConnectTimeout(current)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isConnectTimeout(Throwable failure) {
		// HttpURLConnection and Apache HttpClient say "connect" in the message or class
		String message = failure.getMessage();
		return (failure instanceof SocketTimeoutException && message != null
				&& message.toLowerCase(Locale.ROOT).startsWith("connect"))
				|| failure.getClass().getSimpleName().equals("ConnectTimeoutException");
	}

}
