package io.github.dingtalkrobot.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * What the emulator answers to one request.
 *
 * @param status the HTTP status
 * @param errcode the DingTalk error code in the body, or {@code null} when the body is
 * not DingTalk's JSON
 * @param errmsg the DingTalk error message in the body, or {@code null} when the body is
 * not DingTalk's JSON
 * @param contentType the {@code Content-Type} of the body, or {@code null} without one
 * @param body the body
 * @param dropsConnection whether to close the connection without any response instead
 * @param delay how long to wait before answering
 * @param release what to wait for before answering, or {@code null} to answer without
 * waiting
 */
record EmulatorResponse(int status, @Nullable Integer errcode, @Nullable String errmsg, @Nullable String contentType,
		byte[] body, boolean dropsConnection, Duration delay, @Nullable CompletionStage<?> release) {

	EmulatorResponse(int status, @Nullable Integer errcode, @Nullable String errmsg, @Nullable String contentType,
			byte[] body, boolean dropsConnection, Duration delay) {
		this(status, errcode, errmsg, contentType, body, dropsConnection, delay, null);
	}

	private static final byte[] NO_BODY = {};

	/**
	 * DingTalk's answer for a documented outcome.
	 * @param error the outcome
	 * @return the answer
	 */
	static EmulatorResponse answer(DingTalkError error) {
		return answer(error.errcode(), error.errmsg());
	}

	/**
	 * DingTalk's answer: HTTP 200 with {@code {"errcode":N,"errmsg":"..."}}.
	 * @param errcode the error code
	 * @param errmsg the error message
	 * @return the answer
	 */
	static EmulatorResponse answer(int errcode, String errmsg) {
		String json = "{\"errcode\":" + errcode + ",\"errmsg\":\"" + escape(errmsg) + "\"}";
		return new EmulatorResponse(200, errcode, errmsg, "application/json;charset=UTF-8",
				json.getBytes(StandardCharsets.UTF_8), false, Duration.ZERO);
	}

	/**
	 * A bare HTTP status without a body.
	 * @param status the status
	 * @return the response
	 */
	static EmulatorResponse status(int status) {
		return new EmulatorResponse(status, null, null, null, NO_BODY, false, Duration.ZERO);
	}

	/**
	 * Any answer that is not DingTalk's JSON, as given.
	 * @param status the status
	 * @param contentType the {@code Content-Type} of the body
	 * @param body the body
	 * @return the response
	 */
	static EmulatorResponse body(int status, String contentType, byte[] body) {
		return new EmulatorResponse(status, null, null, contentType, body, false, Duration.ZERO);
	}

	/**
	 * An error page as DingTalk's gateway (Tengine) serves it.
	 * @param status the HTTP status
	 * @return the response
	 */
	static EmulatorResponse htmlPage(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		String title = status + " " + ((known != null) ? known.getReasonPhrase() : "Error");
		String html = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
				+ "</h1></center>\r\n<hr><center>Tengine</center>\r\n</body>\r\n</html>\r\n";
		return new EmulatorResponse(status, null, null, "text/html", html.getBytes(StandardCharsets.UTF_8), false,
				Duration.ZERO);
	}

	/**
	 * No response at all: the connection is closed once the request has been read.
	 * @return the response
	 */
	static EmulatorResponse droppedConnection() {
		return new EmulatorResponse(0, null, null, null, NO_BODY, true, Duration.ZERO);
	}

	/**
	 * Return this response, sent after a fault's delay or release.
	 * @param fault the fault
	 * @return the held response
	 */
	EmulatorResponse heldBy(Fault fault) {
		return new EmulatorResponse(this.status, this.errcode, this.errmsg, this.contentType, this.body,
				this.dropsConnection, fault.delay(), fault.release());
	}

	boolean delivered() {
		return this.errcode != null && this.errcode == 0;
	}

	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> escaped.append("\\\"");
				case '\\' -> escaped.append("\\\\");
				default -> {
					if (c < 0x20) {
						escaped.append(String.format("\\u%04x", (int) c));
					}
					else {
						escaped.append(c);
					}
				}
			}
		}
		return escaped.toString();
	}

}
