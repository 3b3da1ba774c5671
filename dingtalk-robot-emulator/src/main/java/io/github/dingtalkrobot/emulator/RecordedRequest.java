package io.github.dingtalkrobot.emulator;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One request the {@link DingTalkEmulator} received, with what it answered. A request
 * that DingTalk would have posted to the group is {@link #delivered() delivered}.
 */
public final class RecordedRequest {

	private final long sequence;

	private final @Nullable String robotName;

	private final Instant receivedAt;

	private final boolean signed;

	private final @Nullable String contentType;

	private final Map<String, String> headers;

	private final Map<String, String> query;

	private final RobotMessage message;

	private final EmulatorResponse response;

	private final @Nullable FaultKind fault;

	RecordedRequest(long sequence, @Nullable String robotName, Instant receivedAt, WebhookRequest request,
			RobotMessage message, EmulatorResponse response, @Nullable FaultKind fault) {
		this.sequence = sequence;
		this.robotName = robotName;
		this.receivedAt = receivedAt;
		this.signed = request.queryParameter("timestamp") != null && request.queryParameter("sign") != null;
		this.contentType = request.contentType();
		this.headers = request.headers();
		this.query = request.queryParameters();
		this.message = message;
		this.response = response;
		this.fault = fault;
	}

	/**
	 * Return the name of the robot the request's access token belongs to.
	 * @return the robot's name, or {@code null} for an unknown access token
	 */
	public @Nullable String robotName() {
		return this.robotName;
	}

	/**
	 * Return when the request arrived, by the emulator's clock.
	 * @return the arrival time
	 */
	public Instant receivedAt() {
		return this.receivedAt;
	}

	/**
	 * Return whether the request carried the {@code timestamp} and {@code sign} query
	 * parameters, whether or not they were valid.
	 * @return whether the request was signed
	 */
	public boolean signed() {
		return this.signed;
	}

	/**
	 * Return the request's {@code Content-Type} header.
	 * @return the content type, or {@code null} without one
	 */
	public @Nullable String contentType() {
		return this.contentType;
	}

	/**
	 * Return the request's headers, as the client sent them.
	 * @return the headers by case-insensitive name, repeated values joined by commas
	 */
	public Map<String, String> headers() {
		return this.headers;
	}

	/**
	 * Return the request's query parameters, each decoded once, as DingTalk decodes them.
	 * They include the access token and, for a signed request, the signature.
	 * @return the query parameters in the order sent
	 */
	public Map<String, String> query() {
		return this.query;
	}

	/**
	 * Return the request body as text.
	 * @return the body
	 */
	public String body() {
		return this.message.body();
	}

	/**
	 * Return the parsed body: {@code msgtype}, the type's object and {@code at}.
	 * @return the message as nested maps and lists, empty when the body is not a JSON
	 * object
	 */
	public Map<String, @Nullable Object> message() {
		return this.message.message();
	}

	/**
	 * Return the message type.
	 * @return the {@code msgtype}, or {@code null} when absent
	 */
	public @Nullable String msgtype() {
		return this.message.msgtype();
	}

	/**
	 * Return the message's title ({@code markdown}, {@code link} and {@code actionCard}).
	 * @return the title, or {@code null} for a type without one
	 */
	public @Nullable String title() {
		return this.message.title();
	}

	/**
	 * Return the message's text: {@code text.content}, the {@code text} of markdown, link
	 * and action card messages, or a feed card's link titles, one per line.
	 * @return the text, or {@code null} when absent
	 */
	public @Nullable String text() {
		return this.message.text();
	}

	/**
	 * Return what a group member sees of the message: its title and text, one per line.
	 * This is where DingTalk looks for a robot's keywords.
	 * @return the visible text, empty when there is none
	 */
	public String visibleText() {
		return this.message.visibleText();
	}

	/**
	 * Return the people the message mentions.
	 * @return the mentions
	 */
	public Mentions mentions() {
		return Mentions.of(this.message.message());
	}

	/**
	 * Return the {@code errcode} the emulator answered.
	 * @return the error code, or {@code null} when the answer was not DingTalk's JSON (an
	 * injected HTTP status, HTML page or dropped connection)
	 */
	public @Nullable Integer errcode() {
		return this.response.errcode();
	}

	/**
	 * Return the {@code errmsg} the emulator answered.
	 * @return the error message, or {@code null} when the answer was not DingTalk's JSON
	 */
	public @Nullable String errmsg() {
		return this.response.errmsg();
	}

	/**
	 * Return whether DingTalk would have posted the message to the group ({@code errcode}
	 * 0).
	 * @return whether the message was delivered
	 */
	public boolean delivered() {
		return this.response.delivered();
	}

	/**
	 * Return the fault injected into the answer.
	 * @return the fault, or {@code null} when the request was answered normally
	 */
	public @Nullable FaultKind fault() {
		return this.fault;
	}

	long sequence() {
		return this.sequence;
	}

	EmulatorResponse response() {
		return this.response;
	}

	@Override
	public String toString() {
		return "RecordedRequest[robot=" + this.robotName + ", receivedAt=" + this.receivedAt + ", msgtype=" + msgtype()
				+ ", errcode=" + errcode() + ", fault=" + this.fault + "]";
	}

}
