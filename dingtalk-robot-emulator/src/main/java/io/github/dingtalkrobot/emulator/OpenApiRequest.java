package io.github.dingtalkrobot.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One request to the emulated OpenAPI, with the answer it got. Access tokens and app
 * secrets are not recorded.
 *
 * @param time when the request arrived, by the emulator's clock
 * @param path the request's path, such as {@code /v1.0/robot/groupMessages/send}
 * @param clientId the client id of the app the request's token or credentials belong to,
 * or {@code null} when unknown
 * @param robotCode the {@code robotCode} of a send, or {@code null}
 * @param openConversationId the group of a group send, or {@code null}
 * @param userIds the people of a one-to-one send; empty otherwise
 * @param msgKey the message template of a send, or {@code null}
 * @param msgParamJson the parameters of a send as sent, a JSON string, or {@code null}
 * @param msgParam the parameters of a send, parsed from their JSON string; empty when
 * absent or not JSON
 * @param status the HTTP status of the answer
 * @param code the {@code code} of the error body, or {@code null} on success
 */
public record OpenApiRequest(Instant time, String path, @Nullable String clientId, @Nullable String robotCode,
		@Nullable String openConversationId, List<String> userIds, @Nullable String msgKey,
		@Nullable String msgParamJson, Map<String, @Nullable Object> msgParam, int status, @Nullable String code) {

	/**
	 * Return whether DingTalk would have accepted the request.
	 * @return whether the answer was a success
	 */
	public boolean accepted() {
		return this.status == 200;
	}

}
