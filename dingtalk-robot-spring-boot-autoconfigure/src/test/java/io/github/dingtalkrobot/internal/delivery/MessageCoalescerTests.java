package io.github.dingtalkrobot.internal.delivery;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import io.github.dingtalkrobot.internal.webhook.JsonBytes;
import io.github.dingtalkrobot.message.At;
import io.github.dingtalkrobot.message.MarkdownMessage;
import io.github.dingtalkrobot.message.Message;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MessageCoalescer}.
 */
class MessageCoalescerTests {

	private final MessageCoalescer coalescer = new MessageCoalescer(true, 20_000);

	@Test
	void textAndMarkdownBecomeParagraphsOfOneMarkdownMessageInOrder() {
		Message merged = this.coalescer.merge(List.of(Message.text("Disk full\non db-1"),
				Message.markdown("CPU", "**CPU** at 95%"), Message.text("Backup done")));
		assertThat(merged).isEqualTo(new MarkdownMessage("Disk full (+2 more)",
				"Disk full  \non db-1\n\n**CPU** at 95%\n\nBackup done", At.none()));
	}

	@Test
	void mergedMessageMentionsEveryoneThePartsMention() {
		MarkdownMessage merged = (MarkdownMessage) this.coalescer
			.merge(List.of(Message.text("one").atMobiles("13800000001", "13800000002"),
					Message.markdown("two", "two").atUserIds("manager").atMobiles("13800000001"),
					Message.text("three").atAll()));
		assertThat(merged.at()).isEqualTo(new At(List.of("13800000001", "13800000002"), List.of("manager"), true));
		assertThat(merged.text()).contains("@13800000001", "@13800000002", "@manager");
		assertThat(merged.title()).isEqualTo("one @13800000001 @13800000002 (+2 more)");
	}

	@Test
	void longFirstLineIsShortenedForTheTitle() {
		MarkdownMessage merged = (MarkdownMessage) this.coalescer
			.merge(List.of(Message.text("告".repeat(100) + "\nsecond line"), Message.text("more")));
		assertThat(merged.title()).isEqualTo("告".repeat(63) + "… (+1 more)");
	}

	@Test
	void onlyMessageIsSentAsItIs() {
		Message text = Message.text("alone").atMobiles("13800000001");
		assertThat(this.coalescer.merge(List.of(text))).isSameAs(text);
	}

	@Test
	void batchEndsBeforeAMessageThatCannotBeMerged() {
		Message link = Message.link("Release", "v1.2", "https://example.com/release");
		assertThat(this.coalescer
			.batchSize(pending(Message.text("a"), Message.markdown("b", "b"), link, Message.text("c")))).isEqualTo(2);
		assertThat(this.coalescer.batchSize(pending(link, Message.text("c")))).isOne();
	}

	@Test
	void batchEndsBeforeAMessageThatMustGoAlone() {
		List<Pending> waiting = pending(Message.text("a"), Message.text("b"), Message.text("c"));
		waiting.get(1).markAlone();
		assertThat(this.coalescer.batchSize(waiting)).isOne();
		assertThat(this.coalescer.batchSize(waiting.subList(1, 3))).isOne();
	}

	@Test
	void batchEndsBeforeTheBodyWouldExceedTheLimit() {
		// About 1,000 bytes each, so 19 of them and the envelope fit in 20,000 bytes
		Message[] alerts = IntStream.range(0, 30)
			.mapToObj((i) -> Message.text("x".repeat(998) + "\n"))
			.toArray(Message[]::new);
		assertThat(this.coalescer.batchSize(pending(alerts))).isEqualTo(19);
		assertThat(new MessageCoalescer(true, 5_000).batchSize(pending(alerts))).isEqualTo(4);
	}

	@Test
	void disabledCoalescerTakesOneMessageAtATime() {
		assertThat(new MessageCoalescer(false, 20_000).batchSize(pending(Message.text("a"), Message.text("b"))))
			.isOne();
	}

	@Test
	void jsonBytesCountUtf8AndEscapes() {
		assertThat(JsonBytes.of("ab")).isEqualTo(2);
		assertThat(JsonBytes.of("é")).isEqualTo(2);
		assertThat(JsonBytes.of("告")).isEqualTo(3);
		assertThat(JsonBytes.of("😀")).isEqualTo(4);
		assertThat(JsonBytes.of("\"\\\n\t")).isEqualTo(8);
		assertThat(JsonBytes.of("\u0001")).isEqualTo(6);
	}

	private static List<Pending> pending(Message... messages) {
		return Arrays.stream(messages).map((message) -> new Pending(message, Runnable::run)).toList();
	}

}
