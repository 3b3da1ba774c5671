package io.github.dingtalkrobot.internal.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A response of {@link RobotRequestFactory}. Closing it reads what is left of the body,
 * so the JDK can reuse the connection.
 */
final class UrlConnectionResponse implements ClientHttpResponse {

	private final HttpURLConnection connection;

	private @Nullable HttpHeaders headers;

	private @Nullable InputStream body;

	UrlConnectionResponse(HttpURLConnection connection) {
		this.connection = connection;
	}

	@Override
	public HttpStatusCode getStatusCode() throws IOException {
		return HttpStatusCode.valueOf(this.connection.getResponseCode());
	}

	@Override
	public String getStatusText() throws IOException {
		String message = this.connection.getResponseMessage();
		return (message != null) ? message : "";
	}

	@Override
	public HttpHeaders getHeaders() {
		if (this.headers == null) {
			HttpHeaders headers = new HttpHeaders();
			this.connection.getHeaderFields().forEach((name, values) -> {
				// The status line comes with a null name
				if (name != null) {
					values.forEach((value) -> headers.add(name, value));
				}
			});
			this.headers = headers;
		}
		return this.headers;
	}

	@Override
	public InputStream getBody() throws IOException {
		if (this.body == null) {
			// Reads the status first, so that an error answer's body is available
			this.connection.getResponseCode();
			InputStream errorStream = this.connection.getErrorStream();
			this.body = (errorStream != null) ? errorStream : this.connection.getInputStream();
		}
		return this.body;
	}

	@Override
	public void close() {
		try (InputStream body = getBody()) {
			body.transferTo(OutputStream.nullOutputStream());
		}
		catch (IOException ex) {
			// Nothing more to read: the connection is not reused
		}
	}

}
