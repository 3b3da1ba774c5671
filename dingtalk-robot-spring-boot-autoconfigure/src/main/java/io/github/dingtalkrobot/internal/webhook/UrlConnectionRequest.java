package io.github.dingtalkrobot.internal.webhook;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.AbstractClientHttpRequest;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.FastByteArrayOutputStream;

/**
 * A request of {@link RobotRequestFactory}: the body is buffered, then handed to the
 * connection without a streaming mode, so the JDK writes the headers and the body
 * together when the response is first asked for.
 */
final class UrlConnectionRequest extends AbstractClientHttpRequest {

	private final HttpURLConnection connection;

	private final URI uri;

	private final HttpMethod method;

	private final FastByteArrayOutputStream body = new FastByteArrayOutputStream(1024);

	UrlConnectionRequest(HttpURLConnection connection, URI uri, HttpMethod method) {
		this.connection = connection;
		this.uri = uri;
		this.method = method;
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
		headers.forEach((name, values) -> {
			// The JDK sets the length of the buffered body itself
			if (!HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
				values.forEach((value) -> this.connection.addRequestProperty(name, value));
			}
		});
		if (this.body.size() > 0) {
			this.connection.setDoOutput(true);
			try (OutputStream out = this.connection.getOutputStream()) {
				this.body.writeTo(out);
			}
		}
		return new UrlConnectionResponse(this.connection);
	}

}
