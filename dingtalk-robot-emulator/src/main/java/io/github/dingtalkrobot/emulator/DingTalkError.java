package io.github.dingtalkrobot.emulator;

/**
 * The answers DingTalk documents for its robot webhook, with the {@code errmsg} wording
 * seen from the live service.
 */
enum DingTalkError {

	OK(0, "ok"),

	SYSTEM_BUSY(-1, "系统繁忙"),

	MISSING_JSON(40035, "缺少参数 json"),

	INVALID_CONTENT_TYPE(43004, "无效的HTTP HEADER Content-Type"),

	SEND_TOO_FAST(130101, "send too fast, exceed 20 times per minute"),

	TOKEN_NOT_EXIST(300001, "token is not exist"),

	EXTERNAL_GROUP_TOKEN(300005, "token is not exist"),

	SIGN_NOT_MATCH(310000, "sign not match"),

	INVALID_TIMESTAMP(310000, "invalid timestamp"),

	KEYWORDS_NOT_IN_CONTENT(310000, "keywords not in content"),

	IP_NOT_IN_WHITELIST(310000, "ip not in whitelist"),

	GROUP_DISSOLVED(400013, "群已被解散"),

	ACCESS_TOKEN_NOT_EXIST(400101, "access_token不存在"),

	ROBOT_DISABLED(400102, "机器人已停用"),

	UNSUPPORTED_MSGTYPE(400105, "不支持的消息类型"),

	ROBOT_NOT_IN_GROUP(400106, "机器人不存在"),

	RATE_LIMITED(410100, "发送速度太快而限流"),

	UNSAFE_URL(430101, "含有不安全的外链"),

	INAPPROPRIATE_TEXT(430102, "含有不合适的文本"),

	INAPPROPRIATE_IMAGE(430103, "含有不合适的图片"),

	INAPPROPRIATE_CONTENT(430104, "含有不合适的内容"),

	MESSAGE_TOO_LONG(460101, "message too long, exceed 20000 bytes");

	private final int errcode;

	private final String errmsg;

	DingTalkError(int errcode, String errmsg) {
		this.errcode = errcode;
		this.errmsg = errmsg;
	}

	int errcode() {
		return this.errcode;
	}

	String errmsg() {
		return this.errmsg;
	}

	/**
	 * Return the documented {@code errmsg} for an error code, for faults that inject a
	 * code without a message.
	 * @param errcode the error code
	 * @return the first documented message for the code, or a generic one
	 */
	static String errmsgFor(int errcode) {
		for (DingTalkError error : values()) {
			if (error.errcode == errcode) {
				return error.errmsg;
			}
		}
		return "error";
	}

}
