package io.github.dingtalkrobot;

/**
 * DingTalk's answer to a message it accepted.
 *
 * @param errcode the error code, {@code 0} for a message that DingTalk accepted
 * @param errmsg the message that came with the code, usually {@code "ok"}
 * @since 0.1.0
 */
public record DingTalkResponse(int errcode, String errmsg) {

}
