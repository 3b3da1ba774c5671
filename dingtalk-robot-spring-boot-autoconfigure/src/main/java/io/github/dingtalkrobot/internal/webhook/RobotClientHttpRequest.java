package io.github.dingtalkrobot.internal.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.dingtalkrobot.internal.webhook.RobotHttpTransport.Route;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.AbstractClientHttpRequest;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A request of the {@link RobotHttpTransport}: its body is buffered, then the request
 * line, the headers with a {@code Content-Length} and the body go out in one write, so
 * that a small request leaves in one packet and never waits for a delayed ACK.
 */
final class RobotClientHttpRequest extends AbstractClientHttpRequest {

	// Room for the request line and the usual headers ahead of the body
	private static final int HEAD_SIZE = 512;

	private final RobotHttpTransport transport;

	private final Route route;

	private final URI uri;

	private final HttpMethod method;

	private final Duration connectTimeout;

	private final Duration readTimeout;

	private final MessageBuffer body = new MessageBuffer(256);

	RobotClientHttpRequest(RobotHttpTransport transport, Route route, URI uri, HttpMethod method,
			Duration connectTimeout, Duration readTimeout) {
		this.transport = transport;
		this.route = route;
		this.uri = uri;
		this.method = method;
		this.connectTimeout = connectTimeout;
		this.readTimeout = readTimeout;
	}

	@Override
	public HttpMethod getMethod() {
		return this.method;
	}

	@Override
	public URI getURI() {
		return this.uri;
	}

	@Override
	protected OutputStream getBodyInternal(HttpHeaders headers) {
		return this.body;
	}

	@Override
	protected ClientHttpResponse executeInternal(HttpHeaders headers) throws IOException {
		MessageBuffer message = new MessageBuffer(HEAD_SIZE + this.body.size());
		String authority = this.uri.getHost() + ((this.uri.getPort() != -1) ? ":" + this.uri.getPort() : "");
		message.ascii(this.method.name()).ascii(" ");
		if (this.route.proxy() != null && !this.route.secure()) {
			// A proxy takes the target of a plain HTTP request in absolute form
			message.ascii("http://").ascii(authority);
		}
		String path = this.uri.getRawPath();
		message.ascii((path != null && !path.isEmpty()) ? path : "/");
		if (this.uri.getRawQuery() != null) {
			message.ascii("?").ascii(this.uri.getRawQuery());
		}
		message.ascii(" HTTP/1.1\r\n");
		if (headers.getFirst(HttpHeaders.HOST) == null) {
			message.header(HttpHeaders.HOST, authority);
		}
		for (Map.Entry<String, List<String>> header : headers.headerSet()) {
			String name = header.getKey();
			// The framing is this request's own
			if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)
					&& !name.equalsIgnoreCase(HttpHeaders.TRANSFER_ENCODING)) {
				for (String value : header.getValue()) {
					message.header(name, value);
				}
			}
		}
		if (this.body.size() > 0 || HttpMethod.POST.equals(this.method) || HttpMethod.PUT.equals(this.method)
				|| HttpMethod.PATCH.equals(this.method)) {
			message.header(HttpHeaders.CONTENT_LENGTH, Integer.toString(this.body.size()));
		}
		message.ascii("\r\n");
		this.body.writeTo(message);
		return this.transport.exchange(this.route, this.connectTimeout, this.readTimeout, message.bytes(),
				message.size(), HttpMethod.HEAD.equals(this.method));
	}

	/**
	 * A growing byte array whose bytes are written to the socket as they are.
	 */
	private static final class MessageBuffer extends ByteArrayOutputStream {

		MessageBuffer(int size) {
			super(size);
		}

		MessageBuffer ascii(String text) {
			// One copy per string: a byte at a time would take the stream's lock for
			// each.
			// Characters beyond Latin-1 become '?'
			byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
			write(bytes, 0, bytes.length);
			return this;
		}

		void header(String name, String value) throws RequestNotSentException {
			if (hasLineBreak(name) || hasLineBreak(value)) {
				// It would smuggle a header or a request into the connection
				throw new RequestNotSentException("A request header contains a line break");
			}
			ascii(name).ascii(": ").ascii(value).ascii("\r\n");
		}

		private static boolean hasLineBreak(String text) {
			return text.indexOf('\r') != -1 || text.indexOf('\n') != -1;
		}

		byte[] bytes() {
			return this.buf;
		}

	}

}
