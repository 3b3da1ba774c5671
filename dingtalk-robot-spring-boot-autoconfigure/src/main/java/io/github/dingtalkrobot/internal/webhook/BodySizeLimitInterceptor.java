package io.github.dingtalkrobot.internal.webhook;

import java.io.IOException;

import io.github.dingtalkrobot.DingTalkMessageTooLargeException;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Refuses a request whose body is larger than DingTalk accepts, before it is sent. An
 * interceptor because only the message converter knows the final bytes; it is added last,
 * so it sees the body as it would go on the wire.
 */
final class BodySizeLimitInterceptor implements ClientHttpRequestInterceptor {

	private final String robotName;

	private final int limit;

	BodySizeLimitInterceptor(String robotName, int limit) {
		this.robotName = robotName;
		this.limit = limit;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		if (body.length > this.limit) {
			throw new DingTalkMessageTooLargeException(this.robotName, body.length, this.limit);
		}
		return execution.execute(request, body);
	}

}
