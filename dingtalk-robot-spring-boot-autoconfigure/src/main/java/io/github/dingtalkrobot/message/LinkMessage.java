package io.github.dingtalkrobot.message;

import org.jspecify.annotations.Nullable;

/**
 * A link message: a title, a short text and an optional picture that open a URL when
 * clicked.
 *
 * @param title the title of the link
 * @param text the text shown under the title; DingTalk shortens long texts
 * @param messageUrl the http(s) URL opened when the message is clicked
 * @param picUrl the http(s) URL of the picture, if any
 * @since 0.1.0
 * @see Message#link(String, String, String)
 */
public record LinkMessage(String title, String text, String messageUrl, @Nullable String picUrl) implements Message {

	public LinkMessage {
		MessageAssert.hasText(title, "title");
		MessageAssert.hasText(text, "text");
		MessageAssert.isHttpUrl(messageUrl, "messageUrl");
		if (picUrl != null) {
			MessageAssert.isHttpUrl(picUrl, "picUrl");
		}
	}

	@Override
	public String msgtype() {
		return "link";
	}

	/**
	 * Return a copy with the given picture.
	 * @param picUrl the http(s) URL of the picture
	 * @return a new message
	 */
	public LinkMessage withPicUrl(String picUrl) {
		return new LinkMessage(this.title, this.text, this.messageUrl, MessageAssert.isHttpUrl(picUrl, "picUrl"));
	}

}
