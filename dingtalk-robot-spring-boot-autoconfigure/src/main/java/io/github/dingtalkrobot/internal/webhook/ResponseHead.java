package io.github.dingtalkrobot.internal.webhook;

import java.io.IOException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * The status line and headers of an HTTP/1.x answer, as read from a
 * {@link RobotHttpConnection}.
 *
 * @param status the status code
 * @param reason the reason phrase, possibly empty
 * @param headers the headers
 * @param keepAlive whether the server lets the connection carry another request after
 * this answer
 */
record ResponseHead(int status, String reason, HttpHeaders headers, boolean keepAlive) {

	// More headers than any sane answer has; the limit stops a broken server
	private static final int MAX_HEADERS = 200;

	/**
	 * Read the next final answer's head, skipping interim ({@code 1xx}) answers.
	 * @param connection the connection to read from
	 * @return the head
	 * @throws IOException if reading failed or the answer is not HTTP/1.x
	 */
	static ResponseHead read(RobotHttpConnection connection) throws IOException {
		ResponseHead head = readOne(connection);
		while (head.status() >= 100 && head.status() < 200) {
			head = readOne(connection);
		}
		return head;
	}

	private static ResponseHead readOne(RobotHttpConnection connection) throws IOException {
		String statusLine = connection.readLine();
		if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
			throw new IOException("The server did not answer with HTTP/1.x");
		}
		int status = parseStatus(statusLine.substring(9, 12));
		String reason = (statusLine.length() > 13) ? statusLine.substring(13) : "";
		HttpHeaders headers = new HttpHeaders();
		int count = 0;
		for (String line = connection.readLine(); !line.isEmpty(); line = connection.readLine()) {
			int colon = line.indexOf(':');
			if (colon <= 0 || ++count > MAX_HEADERS) {
				throw new IOException("The server answered with a malformed header");
			}
			headers.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
		}
		boolean http11 = statusLine.charAt(7) == '1';
		String connectionHeader = lowerCase(headers.getFirst(HttpHeaders.CONNECTION));
		boolean keepAlive = (connectionHeader == null) ? http11
				: (http11 ? !connectionHeader.contains("close") : connectionHeader.contains("keep-alive"));
		return new ResponseHead(status, reason, headers, keepAlive);
	}

	private static int parseStatus(String status) throws IOException {
		try {
			int code = Integer.parseInt(status);
			if (code >= 100 && code <= 999) {
				return code;
			}
		}
		catch (NumberFormatException ex) {
			// Reported below
		}
		throw new IOException("The server answered with an invalid status code");
	}

	/**
	 * Return whether the body is sent in chunks.
	 * @return whether the last transfer coding is {@code chunked}
	 */
	boolean chunked() {
		String transferEncoding = lowerCase(this.headers.getFirst(HttpHeaders.TRANSFER_ENCODING));
		return transferEncoding != null && transferEncoding.trim().endsWith("chunked");
	}

	/**
	 * Return the length of the body given by {@code Content-Length}, or {@code -1} when
	 * the body ends where the server closes the connection: without that header, or with
	 * a transfer coding other than {@code chunked}.
	 * @return the length, or {@code -1}
	 * @throws IOException if the header is not a non-negative number
	 */
	long contentLength() throws IOException {
		String contentLength = this.headers.getFirst(HttpHeaders.CONTENT_LENGTH);
		if (contentLength == null || this.headers.getFirst(HttpHeaders.TRANSFER_ENCODING) != null) {
			return -1;
		}
		try {
			long length = Long.parseLong(contentLength.trim());
			if (length >= 0) {
				return length;
			}
		}
		catch (NumberFormatException ex) {
			// Reported below
		}
		throw new IOException("The server answered with an invalid Content-Length");
	}

	/**
	 * Return whether an answer with this status has no body whatever its headers say.
	 * @return whether the answer has no body
	 */
	boolean bodiless() {
		return this.status == 204 || this.status == 304;
	}

	private static @Nullable String lowerCase(@Nullable String value) {
		return (value != null) ? value.toLowerCase(Locale.ROOT) : null;
	}

}
