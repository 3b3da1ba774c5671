package io.github.dingtalkrobot.message;

import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Building messages: validation naming the field, mentions and immutability.
 */
class MessageTests {

	@Test
	void blankTextContentIsRefused() {
		assertRefused(() -> Message.text(" "), "'content' must not be blank");
	}

	@Test
	void nullTextContentIsRefused() {
		assertRefused(() -> Message.text(null), "'content' must not be blank");
	}

	@Test
	void markdownWithoutTitleIsRefused() {
		assertRefused(() -> Message.markdown("", "text"), "'title' must not be blank");
	}

	@Test
	void markdownWithoutTextIsRefused() {
		assertRefused(() -> Message.markdown("title", null), "'text' must not be blank");
	}

	@Test
	void linkWithNonHttpUrlIsRefused() {
		assertRefused(() -> Message.link("title", "text", "javascript:alert(1)"),
				"'messageUrl' must be an http or https URL");
	}

	@Test
	void linkWithNonHttpPictureIsRefused() {
		assertRefused(() -> Message.link("title", "text", "https://example.com").withPicUrl("ftp://example.com/a.png"),
				"'picUrl' must be an http or https URL");
	}

	@Test
	void actionCardWithSingleButtonAndButtonsIsRefused() {
		assertRefused(() -> Message.actionCard("title", "text")
			.singleButton("all", "https://example.com")
			.button("one", "https://example.com/1")
			.build(), "'singleButton' and 'buttons' must not both be set");
	}

	@Test
	void actionCardWithoutButtonsIsRefused() {
		assertRefused(() -> Message.actionCard("title", "text").build(),
				"Either 'singleButton' or 'buttons' must be set");
	}

	@Test
	void actionCardButtonWithBlankTitleIsRefused() {
		assertRefused(() -> Message.actionCard("title", "text").button(" ", "https://example.com"),
				"'title' must not be blank");
	}

	@Test
	void actionCardButtonWithNonHttpUrlIsRefused() {
		assertRefused(() -> Message.actionCard("title", "text").singleButton("read", "example.com"),
				"'url' must be an http or https URL");
	}

	@Test
	void feedCardWithoutLinksIsRefused() {
		assertRefused(() -> Message.feedCard().build(), "'links' must not be empty");
	}

	@Test
	void feedCardLinkWithoutPictureIsRefused() {
		assertRefused(() -> Message.feedCard().link("title", "https://example.com", ""), "'picUrl' must not be blank");
	}

	@Test
	void blankMentionIsRefused() {
		assertRefused(() -> Message.text("hello").atMobiles(""), "'mobiles' must not be blank");
	}

	@Test
	void mentioningAppendsNamesNotYetInTheText() {
		TextMessage message = Message.text("deploy @13800000000 done").atMobiles("13800000000", "13900000000");
		assertThat(message.content()).isEqualTo("deploy @13800000000 done @13900000000");
		assertThat(message.at().mobiles()).containsExactly("13800000000", "13900000000");
	}

	@Test
	void mentioningUserIdsAppendsThemToMarkdownText() {
		MarkdownMessage message = Message.markdown("title", "### Deployed").atUserIds("user1").atUserIds("user1");
		assertThat(message.text()).isEqualTo("### Deployed @user1");
		assertThat(message.at().userIds()).containsExactly("user1");
	}

	@Test
	void mentioningEveryoneLeavesTheTextAlone() {
		TextMessage message = Message.text("全员注意").atAll();
		assertThat(message.content()).isEqualTo("全员注意");
		assertThat(message.at().all()).isTrue();
	}

	@Test
	void mentioningReturnsANewMessage() {
		TextMessage original = Message.text("hello");
		TextMessage mentioned = original.atMobiles("13800000000");
		assertThat(original.at().isEmpty()).isTrue();
		assertThat(original.content()).isEqualTo("hello");
		assertThat(mentioned).isNotSameAs(original);
	}

	@Test
	void builtMessagesDoNotChangeWithTheirBuilders() {
		FeedCardMessage.Builder builder = Message.feedCard()
			.link("one", "https://example.com/1", "https://example.com/1.png");
		FeedCardMessage message = builder.build();
		builder.link("two", "https://example.com/2", "https://example.com/2.png");
		assertThat(message.links()).hasSize(1);
	}

	@Test
	void recordsCopyTheirLists() {
		List<String> mobiles = new ArrayList<>(List.of("13800000000"));
		At at = new At(mobiles, List.of(), false);
		mobiles.add("13900000000");
		assertThat(at.mobiles()).containsExactly("13800000000");
	}

	@Test
	void eachMessageKnowsItsMsgtype() {
		assertThat(List.of(Message.text("t"), Message.markdown("t", "t"), Message.link("t", "t", "https://e.com"),
				Message.actionCard("t", "t").singleButton("b", "https://e.com").build(),
				Message.feedCard().link("t", "https://e.com", "https://e.com/p.png").build()))
			.extracting(Message::msgtype)
			.containsExactly("text", "markdown", "link", "actionCard", "feedCard");
	}

	@Test
	void everyFactoryAndBuilderMethodRefusesNullNamingTheParameter() {
		TextMessage text = Message.text("text");
		MarkdownMessage markdown = Message.markdown("title", "text");
		assertRefusedNaming(() -> text.atMobiles((String) null), "mobiles");
		assertRefusedNaming(() -> text.atMobiles((String[]) null), "mobiles");
		assertRefusedNaming(() -> text.atUserIds((String) null), "userIds");
		assertRefusedNaming(() -> text.atUserIds((String[]) null), "userIds");
		assertRefusedNaming(() -> markdown.atMobiles((String) null), "mobiles");
		assertRefusedNaming(() -> markdown.atMobiles((String[]) null), "mobiles");
		assertRefusedNaming(() -> markdown.atUserIds((String) null), "userIds");
		assertRefusedNaming(() -> markdown.atUserIds((String[]) null), "userIds");
		assertRefusedNaming(() -> Message.text(null), "content");
		assertRefusedNaming(() -> Message.markdown(null, "text"), "title");
		assertRefusedNaming(() -> Message.markdown("title", null), "text");
		assertRefusedNaming(() -> Message.link(null, "text", "https://example.com"), "title");
		assertRefusedNaming(() -> Message.link("title", null, "https://example.com"), "text");
		assertRefusedNaming(() -> Message.link("title", "text", null), "messageUrl");
		assertRefusedNaming(() -> Message.link("title", "text", "https://example.com").withPicUrl(null), "picUrl");
		assertRefusedNaming(() -> Message.actionCard(null, "text"), "title");
		assertRefusedNaming(() -> Message.actionCard("title", null), "text");
		assertRefusedNaming(() -> Message.actionCard("title", "text").singleButton(null, "https://example.com"),
				"title");
		assertRefusedNaming(() -> Message.actionCard("title", "text").singleButton("Open", null), "url");
		assertRefusedNaming(() -> Message.actionCard("title", "text").button(null, "https://example.com"), "title");
		assertRefusedNaming(() -> Message.actionCard("title", "text").button("Open", null), "url");
		assertRefusedNaming(() -> Message.actionCard("title", "text").orientation(null), "orientation");
		assertRefusedNaming(() -> Message.feedCard().link(null, "https://example.com", "https://example.com/a.png"),
				"title");
		assertRefusedNaming(() -> Message.feedCard().link("title", null, "https://example.com/a.png"), "messageUrl");
		assertRefusedNaming(() -> Message.feedCard().link("title", "https://example.com", null), "picUrl");
	}

	private static void assertRefusedNaming(ThrowingCallable build, String parameter) {
		assertThatIllegalArgumentException().isThrownBy(build).withMessageStartingWith("'" + parameter + "' must");
	}

	private static void assertRefused(ThrowingCallable build, String message) {
		assertThatIllegalArgumentException().isThrownBy(build).withMessage(message);
	}

}
