package io.github.dingtalkrobot.internal.cluster;

import java.util.List;

import io.github.dingtalkrobot.message.ButtonOrientation;
import io.github.dingtalkrobot.message.Message;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link QueuedMessageCodec}.
 */
class QueuedMessageCodecTests {

	@Test
	void everyKindOfMessageIsReadBackAsTheSameRecord() {
		List<Message> messages = List.of(Message.text("告警: 1:2 \n 3").atMobiles("13800000000").atAll(),
				Message.markdown("标题", "**bold** 10:30").atUserIds("user-1", "user:2"),
				Message.link("title", "text", "https://example.com/a?b=1"),
				Message.link("title", "text", "https://example.com").withPicUrl("https://example.com/p.png"),
				Message.actionCard("card", "text").singleButton("open", "https://example.com").build(),
				Message.actionCard("card", "text")
					.button("yes", "https://example.com/yes")
					.button("no", "https://example.com/no")
					.orientation(ButtonOrientation.HORIZONTAL)
					.hideAvatar(true)
					.build(),
				Message.feedCard()
					.link("one", "https://example.com/1", "https://example.com/1.png")
					.link("two", "https://example.com/2", "https://example.com/2.png")
					.build());
		assertThat(messages)
			.allSatisfy((message) -> assertThat(QueuedMessageCodec.decode(QueuedMessageCodec.encode(message)))
				.isEqualTo(message));
	}

}
