package io.github.dingtalkrobot.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An error of DingTalk's OpenAPI: an HTTP status and the body
 * {@code {"code":"...","requestid":"...","message":"..."}}. {@code InvalidAuthentication}
 * for a bad access token is the code seen from the live service; the other codes are the
 * emulator's own, since DingTalk documents none for these cases.
 *
 * @param status the HTTP status
 * @param code the error code
 * @param message the error message
 */
record OpenApiError(int status, String code, String message) {

	static final OpenApiError INVALID_TOKEN = new OpenApiError(400, "InvalidAuthentication", "不合法的access_token");

	static final OpenApiError INVALID_CLIENT = new OpenApiError(400, "invalidClientIdOrSecret",
			"无效的clientId或者clientSecret");

	static final OpenApiError UNKNOWN_ROBOT = new OpenApiError(400, "invalidParameter.robotCode.notExist",
			"robotCode 不存在或不属于该应用");

	static final OpenApiError UNKNOWN_CONVERSATION = new OpenApiError(400,
			"invalidParameter.openConversationId.notExist", "群会话不存在或机器人不在群内");

	static final OpenApiError UNKNOWN_MSG_KEY = new OpenApiError(400, "invalidParameter.msgKey.notExist", "msgKey 不存在");

	static final OpenApiError TOO_MANY_USERS = new OpenApiError(400, "invalidParameter.userIds.tooMany",
			"userIds 最多 20 个");

	static OpenApiError missingParameter(String name) {
		return new OpenApiError(400, "MissingParameter", "缺少参数 " + name);
	}

	static OpenApiError invalidParameter(String name) {
		return new OpenApiError(400, "InvalidParameter", "参数不合法 " + name);
	}

	EmulatorResponse response(long requestId) {
		String json = "{\"code\":\"" + EmulatorResponse.escape(this.code) + "\",\"requestid\":\"emulated-" + requestId
				+ "\",\"message\":\"" + EmulatorResponse.escape(this.message) + "\"}";
		return new EmulatorResponse(this.status, null, null, "application/json;charset=utf-8",
				json.getBytes(StandardCharsets.UTF_8), false, Duration.ZERO);
	}

}
