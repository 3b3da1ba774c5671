package io.github.dingtalkrobot.internal.webhook;

import java.util.List;

import io.github.dingtalkrobot.message.ActionCardMessage;
import io.github.dingtalkrobot.message.FeedCardMessage;
import io.github.dingtalkrobot.message.LinkMessage;
import io.github.dingtalkrobot.message.MarkdownMessage;
import io.github.dingtalkrobot.message.Message;
import io.github.dingtalkrobot.message.TextMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adding a robot's keyword to messages that lack one.
 */
class RobotKeywordsTests {

	private final RobotKeywords keywords = new RobotKeywords(List.of("告警", "alert"));

	@Test
	void textGetsTheFirstKeywordAppended() {
		TextMessage message = (TextMessage) this.keywords.applyTo(Message.text("disk full").atMobiles("138"));
		assertThat(message.content()).isEqualTo("disk full @138\n告警");
		assertThat(message.at().mobiles()).containsExactly("138");
	}

	@Test
	void markdownGetsTheKeywordAsItsOwnParagraph() {
		MarkdownMessage message = (MarkdownMessage) this.keywords.applyTo(Message.markdown("Deploy", "### done"));
		assertThat(message.text()).isEqualTo("### done\n\n告警");
		assertThat(message.title()).isEqualTo("Deploy");
	}

	@Test
	void linkGetsTheKeywordInItsText() {
		LinkMessage message = (LinkMessage) this.keywords
			.applyTo(Message.link("title", "text", "https://example.com").withPicUrl("https://example.com/p.png"));
		assertThat(message.text()).isEqualTo("text 告警");
		assertThat(message.picUrl()).isEqualTo("https://example.com/p.png");
	}

	@Test
	void actionCardGetsTheKeywordInItsText() {
		ActionCardMessage message = (ActionCardMessage) this.keywords.applyTo(
				Message.actionCard("title", "text").button("open", "https://example.com").hideAvatar(true).build());
		assertThat(message.text()).isEqualTo("text\n\n告警");
		assertThat(message.buttons()).hasSize(1);
		assertThat(message.hideAvatar()).isTrue();
	}

	@Test
	void feedCardGetsTheKeywordInItsFirstTitle() {
		FeedCardMessage message = (FeedCardMessage) this.keywords.applyTo(Message.feedCard()
			.link("one", "https://example.com/1", "https://example.com/1.png")
			.link("two", "https://example.com/2", "https://example.com/2.png")
			.build());
		assertThat(message.links()).extracting(FeedCardMessage.Link::title).containsExactly("one 告警", "two");
	}

	@Test
	void messageWithAnyKeywordInItsTitleOrTextIsUnchanged() {
		Message markdown = Message.markdown("alert: deploy", "### done");
		Message card = Message.actionCard("title", "告警: text").singleButton("Open", "https://example.com").build();
		assertThat(this.keywords.applyTo(markdown)).isSameAs(markdown);
		assertThat(this.keywords.applyTo(card)).isSameAs(card);
	}

	@Test
	void keywordOnlyInAButtonTitleDoesNotCount() {
		ActionCardMessage card = (ActionCardMessage) this.keywords
			.applyTo(Message.actionCard("title", "text").singleButton("告警详情", "https://example.com").build());
		assertThat(card.text()).isEqualTo("text\n\n告警");
		assertThat(card.singleButton().title()).isEqualTo("告警详情");
	}

	@Test
	void robotWithoutKeywordsChangesNothing() {
		Message message = Message.text("disk full");
		assertThat(new RobotKeywords(List.of()).applyTo(message)).isSameAs(message);
	}

}
