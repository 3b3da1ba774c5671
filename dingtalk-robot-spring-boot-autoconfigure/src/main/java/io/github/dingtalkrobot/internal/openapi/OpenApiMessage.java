package io.github.dingtalkrobot.internal.openapi;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.dingtalkrobot.DingTalkUnsupportedMessageException;
import io.github.dingtalkrobot.message.ActionCardMessage;
import io.github.dingtalkrobot.message.ButtonOrientation;
import io.github.dingtalkrobot.message.FeedCardMessage;
import io.github.dingtalkrobot.message.LinkMessage;
import io.github.dingtalkrobot.message.MarkdownMessage;
import io.github.dingtalkrobot.message.Message;
import io.github.dingtalkrobot.message.TextMessage;
import org.jspecify.annotations.Nullable;

/**
 * A message in the OpenAPI's form: a message template ({@code msgKey}) and its parameters
 * ({@code msgParam}), which travel as a JSON string inside the JSON body. Mentions have
 * no parameter: they stay in the text that the message already carries.
 *
 * @param msgKey the message template, such as {@code sampleText}
 * @param msgParam the template's parameters as a JSON object, in a string
 * @since 0.1.0
 */
public record OpenApiMessage(String msgKey, String msgParam) {

	/**
	 * The largest {@code msgParam} DingTalk accepts, in bytes.
	 */
	public static final int MAX_MSG_PARAM_BYTES = 15_000;

	private static final int MAX_BUTTONS = 5;

	/**
	 * Return the OpenAPI form of a message.
	 * @param robotName the name of the robot, for the exception
	 * @param message the message
	 * @return the message's template and parameters
	 * @throws DingTalkUnsupportedMessageException if the OpenAPI has no form for the
	 * message
	 */
	public static OpenApiMessage of(String robotName, Message message) {
		requireSupported(robotName, message);
		if (message instanceof TextMessage text) {
			return of("sampleText", params("content", text.content()));
		}
		if (message instanceof MarkdownMessage markdown) {
			return of("sampleMarkdown", params("title", markdown.title(), "text", markdown.text()));
		}
		if (message instanceof LinkMessage link) {
			Map<String, String> params = params("text", link.text(), "title", link.title());
			putIfPresent(params, "picUrl", link.picUrl());
			params.put("messageUrl", link.messageUrl());
			return of("sampleLink", params);
		}
		return actionCard((ActionCardMessage) message);
	}

	/**
	 * Check that the OpenAPI has a form for a message, before anything is sent.
	 * @param robotName the name of the robot, for the exception
	 * @param message the message
	 * @throws DingTalkUnsupportedMessageException if it has none
	 */
	public static void requireSupported(String robotName, Message message) {
		if (message instanceof FeedCardMessage) {
			throw new DingTalkUnsupportedMessageException(robotName, message.msgtype(),
					"DingTalk's OpenAPI, which app robots send through, has no feed card; send it through a "
							+ "webhook robot, or as an action card or Markdown message");
		}
		if (message instanceof ActionCardMessage card && card.buttons().size() > MAX_BUTTONS) {
			throw new DingTalkUnsupportedMessageException(robotName, message.msgtype(),
					"DingTalk's OpenAPI, which app robots send through, has action cards with at most " + MAX_BUTTONS
							+ " buttons, and this one has " + card.buttons().size());
		}
	}

	/**
	 * Return the size of {@link #msgParam()} in UTF-8.
	 * @return the size in bytes
	 */
	public int msgParamBytes() {
		return this.msgParam.getBytes(StandardCharsets.UTF_8).length;
	}

	private static OpenApiMessage actionCard(ActionCardMessage card) {
		Map<String, String> params = params("title", card.title(), "text", card.text());
		ActionCardMessage.Button single = card.singleButton();
		List<ActionCardMessage.Button> buttons = card.buttons();
		if (single == null && buttons.size() == 1) {
			single = buttons.get(0);
		}
		if (single != null) {
			params.put("singleTitle", single.title());
			params.put("singleURL", single.url());
			return of("sampleActionCard", params);
		}
		if (buttons.size() == 2 && card.orientation() == ButtonOrientation.HORIZONTAL) {
			for (int i = 0; i < 2; i++) {
				params.put("buttonTitle" + (i + 1), buttons.get(i).title());
				params.put("buttonUrl" + (i + 1), buttons.get(i).url());
			}
			return of("sampleActionCard6", params);
		}
		for (int i = 0; i < buttons.size(); i++) {
			params.put("actionTitle" + (i + 1), buttons.get(i).title());
			params.put("actionURL" + (i + 1), buttons.get(i).url());
		}
		return of("sampleActionCard" + buttons.size(), params);
	}

	private static OpenApiMessage of(String msgKey, Map<String, String> params) {
		return new OpenApiMessage(msgKey, JsonText.object(params));
	}

	private static Map<String, String> params(String... namesAndValues) {
		Map<String, String> params = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			params.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return params;
	}

	private static void putIfPresent(Map<String, String> params, String name, @Nullable String value) {
		if (value != null) {
			params.put(name, value);
		}
	}

}
