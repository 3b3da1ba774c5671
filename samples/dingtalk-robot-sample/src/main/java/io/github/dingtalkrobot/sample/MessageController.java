package io.github.dingtalkrobot.sample;

import io.github.dingtalkrobot.message.LinkMessage;
import io.github.dingtalkrobot.message.Message;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sends plain text and link messages through any configured robot:
 * {@code POST /messages/text} and {@code POST /messages/link}.
 */
@RestController
@RequestMapping("/messages")
class MessageController {

	// Checked on the request too, so that an error names the request's field ('url'),
	// not the message's ('messageUrl')
	private static final String HTTP_URL = "(?i)https?://\\S+";

	private final Notifier notifier;

	MessageController(Notifier notifier) {
		this.notifier = notifier;
	}

	@PostMapping("/text")
	SentMessage text(@Valid @RequestBody Text text) {
		return this.notifier.send(text.robot(), Message.text(text.content()));
	}

	@PostMapping("/link")
	SentMessage link(@Valid @RequestBody Link link) {
		LinkMessage message = Message.link(link.title(), link.text(), link.url());
		return this.notifier.send(link.robot(), (link.picUrl() != null) ? message.withPicUrl(link.picUrl()) : message);
	}

	/**
	 * A plain text message.
	 *
	 * @param robot the name of the robot to send it through
	 * @param content the text
	 */
	record Text(@NotBlank String robot, @NotBlank String content) {

	}

	/**
	 * A link message.
	 *
	 * @param robot the name of the robot to send it through
	 * @param title the title of the link
	 * @param text the text shown under the title
	 * @param url the http(s) URL opened when the message is clicked
	 * @param picUrl the http(s) URL of a picture, if any
	 */
	record Link(@NotBlank String robot, @NotBlank String title, @NotBlank String text,
			@NotBlank @Pattern(regexp = HTTP_URL) String url, @Nullable @Pattern(regexp = HTTP_URL) String picUrl) {

	}

}
