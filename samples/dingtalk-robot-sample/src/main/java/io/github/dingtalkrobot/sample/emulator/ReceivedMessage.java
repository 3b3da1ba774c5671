package io.github.dingtalkrobot.sample.emulator;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.dingtalkrobot.emulator.Mentions;
import io.github.dingtalkrobot.emulator.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * A request that the embedded emulator received, as {@code GET /emulator/messages} shows
 * it. The webhook URL is left out, since it holds the robot's access token.
 *
 * @param robot the name of the robot the request was for
 * @param receivedAt when the request arrived
 * @param msgtype the type of the message
 * @param title the title of the message, for the types that have one
 * @param text the text of the message; a feed card's link titles
 * @param mentions who the message mentions
 * @param signed whether the request carried a signature
 * @param errcode what the emulator answered: {@code 0} for a message DingTalk would post
 * to the group
 * @param errmsg the message that came with the code
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReceivedMessage(@Nullable String robot, Instant receivedAt, @Nullable String msgtype, @Nullable String title,
		@Nullable String text, @JsonIgnoreProperties("empty") Mentions mentions, boolean signed,
		@Nullable Integer errcode, @Nullable String errmsg) {

	static ReceivedMessage of(RecordedRequest request) {
		return new ReceivedMessage(request.robotName(), request.receivedAt(), request.msgtype(), request.title(),
				request.text(), request.mentions(), request.signed(), request.errcode(), request.errmsg());
	}

}
