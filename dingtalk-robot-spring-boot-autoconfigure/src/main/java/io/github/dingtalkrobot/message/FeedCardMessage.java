package io.github.dingtalkrobot.message;

import java.util.ArrayList;
import java.util.List;

/**
 * A feed card: a list of links, each with a title and a picture.
 *
 * @param links the links, at least one
 * @since 0.1.0
 * @see Message#feedCard()
 */
public record FeedCardMessage(List<Link> links) implements Message {

	public FeedCardMessage {
		links = MessageAssert.notNull(links, "links");
		if (links.isEmpty()) {
			throw new IllegalArgumentException("'links' must not be empty");
		}
	}

	@Override
	public String msgtype() {
		return "feedCard";
	}

	/**
	 * A link of a feed card.
	 *
	 * @param title the title of the link
	 * @param messageUrl the http(s) URL opened when the link is clicked
	 * @param picUrl the http(s) URL of the link's picture
	 */
	public record Link(String title, String messageUrl, String picUrl) {

		public Link {
			MessageAssert.hasText(title, "title");
			MessageAssert.isHttpUrl(messageUrl, "messageUrl");
			MessageAssert.isHttpUrl(picUrl, "picUrl");
		}

	}

	/**
	 * Builds a {@link FeedCardMessage}.
	 *
	 * @see Message#feedCard()
	 */
	public static final class Builder {

		private final List<Link> links = new ArrayList<>();

		Builder() {
		}

		/**
		 * Add a link.
		 * @param title the title of the link
		 * @param messageUrl the http(s) URL opened when the link is clicked
		 * @param picUrl the http(s) URL of the link's picture
		 * @return this builder
		 */
		public Builder link(String title, String messageUrl, String picUrl) {
			this.links.add(new Link(title, messageUrl, picUrl));
			return this;
		}

		/**
		 * Build the message.
		 * @return the message
		 * @throws IllegalArgumentException if no link was added
		 */
		public FeedCardMessage build() {
			return new FeedCardMessage(this.links);
		}

	}

}
