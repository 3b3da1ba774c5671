package io.github.dingtalkrobot.internal.webhook;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.dingtalkrobot.message.ActionCardMessage;
import io.github.dingtalkrobot.message.At;
import io.github.dingtalkrobot.message.FeedCardMessage;
import io.github.dingtalkrobot.message.LinkMessage;
import io.github.dingtalkrobot.message.MarkdownMessage;
import io.github.dingtalkrobot.message.Message;
import io.github.dingtalkrobot.message.TextMessage;
import org.jspecify.annotations.Nullable;

/**
 * The JSON body of a webhook request, field for field what DingTalk's official SDK sends:
 * {@code msgtype}, the object named after it, and {@code at} for text and Markdown
 * messages that mention someone. Absent fields are left out.
 *
 * @param msgtype the message type
 * @param text the text message, if it is one
 * @param markdown the Markdown message, if it is one
 * @param link the link message, if it is one
 * @param actionCard the action card, if it is one
 * @param feedCard the feed card, if it is one
 * @param at who the message mentions, if anyone
 * @since 0.1.0
 */
@JsonInclude(Include.NON_EMPTY)
@JsonPropertyOrder({ "msgtype", "text", "markdown", "link", "actionCard", "feedCard", "at" })
public record WebhookPayload(String msgtype, @Nullable Text text, @Nullable Markdown markdown, @Nullable Link link,
		@Nullable ActionCard actionCard, @Nullable FeedCard feedCard, @Nullable Mentions at) {

	/**
	 * Return the body that sends the given message.
	 * @param message the message
	 * @return the body
	 */
	public static WebhookPayload of(Message message) {
		if (message instanceof TextMessage text) {
			return new WebhookPayload(text.msgtype(), new Text(text.content()), null, null, null, null,
					Mentions.of(text.at()));
		}
		if (message instanceof MarkdownMessage markdown) {
			return new WebhookPayload(markdown.msgtype(), null, new Markdown(markdown.title(), markdown.text()), null,
					null, null, Mentions.of(markdown.at()));
		}
		if (message instanceof LinkMessage link) {
			return new WebhookPayload(link.msgtype(), null, null,
					new Link(link.title(), link.text(), link.messageUrl(), link.picUrl()), null, null, null);
		}
		if (message instanceof ActionCardMessage actionCard) {
			return new WebhookPayload(actionCard.msgtype(), null, null, null, ActionCard.of(actionCard), null, null);
		}
		FeedCardMessage feedCard = (FeedCardMessage) message;
		return new WebhookPayload(feedCard.msgtype(), null, null, null, null, FeedCard.of(feedCard), null);
	}

	/**
	 * The {@code text} object.
	 *
	 * @param content the text
	 */
	public record Text(String content) {

	}

	/**
	 * The {@code markdown} object.
	 *
	 * @param title the title
	 * @param text the Markdown body
	 */
	public record Markdown(String title, String text) {

	}

	/**
	 * The {@code link} object.
	 *
	 * @param title the title
	 * @param text the text
	 * @param messageUrl the URL opened on a click
	 * @param picUrl the picture's URL, if any
	 */
	@JsonInclude(Include.NON_EMPTY)
	public record Link(String title, String text, String messageUrl, @Nullable String picUrl) {

	}

	/**
	 * The {@code actionCard} object. {@code hideAvatar} is written only when it was set,
	 * as the official SDK does.
	 *
	 * @param title the title
	 * @param text the Markdown body
	 * @param singleTitle the whole-card button's label, if any
	 * @param singleUrl the whole-card button's URL, if any
	 * @param btns the independent buttons
	 * @param btnOrientation {@code "0"} for vertical or {@code "1"} for horizontal
	 * buttons
	 * @param hideAvatar {@code "1"} to hide the avatar, {@code "0"} to show it
	 */
	@JsonInclude(Include.NON_EMPTY)
	@JsonPropertyOrder({ "title", "text", "singleTitle", "singleURL", "btns", "btnOrientation", "hideAvatar" })
	public record ActionCard(String title, String text, @Nullable String singleTitle,
			@JsonProperty("singleURL") @Nullable String singleUrl, List<Button> btns, String btnOrientation,
			@Nullable String hideAvatar) {

		static ActionCard of(ActionCardMessage message) {
			ActionCardMessage.Button single = message.singleButton();
			List<Button> buttons = message.buttons()
				.stream()
				.map((button) -> new Button(button.title(), button.url()))
				.toList();
			String hideAvatar = (message.hideAvatar() != null) ? (message.hideAvatar() ? "1" : "0") : null;
			return new ActionCard(message.title(), message.text(), (single != null) ? single.title() : null,
					(single != null) ? single.url() : null, buttons, message.orientation().value(), hideAvatar);
		}

	}

	/**
	 * A button in {@code actionCard.btns}.
	 *
	 * @param title the label
	 * @param actionUrl the URL opened on a click
	 */
	public record Button(String title, @JsonProperty("actionURL") String actionUrl) {

	}

	/**
	 * The {@code feedCard} object.
	 *
	 * @param links the links
	 */
	public record FeedCard(List<FeedLink> links) {

		static FeedCard of(FeedCardMessage message) {
			return new FeedCard(message.links()
				.stream()
				.map((link) -> new FeedLink(link.title(), link.messageUrl(), link.picUrl()))
				.toList());
		}

	}

	/**
	 * A link in {@code feedCard.links}.
	 *
	 * @param title the title
	 * @param messageUrl the URL opened on a click
	 * @param picUrl the picture's URL
	 */
	public record FeedLink(String title, @JsonProperty("messageURL") String messageUrl,
			@JsonProperty("picURL") String picUrl) {

	}

	/**
	 * The {@code at} object. {@code isAtAll} is always written, as the official SDK does.
	 *
	 * @param atMobiles the mobile numbers mentioned
	 * @param atUserIds the user ids mentioned
	 * @param atAll whether everyone is mentioned
	 */
	@JsonInclude(Include.NON_EMPTY)
	@JsonPropertyOrder({ "atMobiles", "atUserIds", "isAtAll" })
	public record Mentions(List<String> atMobiles, List<String> atUserIds,
			@JsonProperty("isAtAll") @JsonInclude(Include.ALWAYS) boolean atAll) {

		static @Nullable Mentions of(At at) {
			return at.isEmpty() ? null : new Mentions(at.mobiles(), at.userIds(), at.all());
		}

	}

}
