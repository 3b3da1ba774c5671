package io.github.dingtalkrobot.autoconfigure;

import java.io.IOException;

import io.github.dingtalkrobot.internal.webhook.TransportFailures;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Counts each request a robot makes towards the {@link DingTalkQuota}: those DingTalk
 * answered, and those that failed after they may have reached it. A request refused
 * before it left (too large, or no connection) does not count.
 */
class QuotaCountingInterceptor implements ClientHttpRequestInterceptor {

	private final DingTalkQuota quota;

	QuotaCountingInterceptor(DingTalkQuota quota) {
		this.quota = quota;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		ClientHttpResponse response;
		try {
			response = execution.execute(request, body);
		}
		catch (IOException ex) {
			if (!TransportFailures.neverSent(ex)) {
				this.quota.recordCall();
			}
			throw ex;
		}
		this.quota.recordCall();
		return response;
	}

}
