package io.github.dingtalkrobot.internal.webhook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * DingTalk's answer as it comes off the wire. Both fields are boxed so that an answer
 * without them can be told apart from a successful one; DingTalk sometimes adds fields,
 * which are ignored.
 *
 * @param errcode the error code, {@code 0} on success
 * @param errmsg the message that came with the code
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookResponse(@Nullable Integer errcode, @Nullable String errmsg) {

}
