package io.github.dingtalkrobot.emulator;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One recorded request as the inbox page shows it: the message as a DingTalk group shows
 * it, then the answer the emulator gave. Everything from the request is escaped, and its
 * URLs are {@link SafeUrl neutralised}.
 */
final class MessageHtml {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

	private static final int MAX_RAW_BODY = 2000;

	private final StringBuilder html = new StringBuilder(512);

	private final RecordedRequest request;

	private final Mentions mentions;

	private MessageHtml(RecordedRequest request) {
		this.request = request;
		this.mentions = request.mentions();
	}

	/**
	 * Render a request as an {@code <article>}.
	 * @param request the request
	 * @return the HTML
	 */
	static String render(RecordedRequest request) {
		return new MessageHtml(request).article();
	}

	private String article() {
		String robot = this.request.robotName();
		String msgtype = this.request.msgtype();
		this.html.append("<article class=\"message ")
			.append(this.request.delivered() ? "delivered" : "refused")
			.append("\" data-sequence=\"")
			.append(this.request.sequence())
			.append("\"><header><span class=\"robot\">")
			.append((robot != null) ? HtmlText.escape(robot) : "unknown access token")
			.append("</span><span class=\"msgtype\">")
			.append(HtmlText.escape((msgtype != null) ? msgtype : "no msgtype"))
			.append("</span><time datetime=\"")
			.append(this.request.receivedAt())
			.append("\">")
			.append(TIME.format(this.request.receivedAt()))
			.append(" UTC</time></header><div class=\"bubble\">");
		content(msgtype);
		String mentionList = HtmlText.mentionList(this.mentions);
		if (!mentionList.isEmpty()) {
			this.html.append("<div class=\"mentions\">").append(mentionList).append("</div>");
		}
		this.html.append("</div>");
		answer();
		return this.html.append("</article>").toString();
	}

	private void content(@Nullable String msgtype) {
		Map<?, ?> payload = (msgtype != null && this.request.message().get(msgtype) instanceof Map<?, ?> map) ? map
				: Map.of();
		switch ((msgtype != null) ? msgtype : "") {
			case "text" -> this.html.append("<div class=\"text\">")
				.append(HtmlText.withMentions(string(payload, "content"), this.mentions))
				.append("</div>");
			case "markdown" -> {
				title(payload);
				markdown(payload);
			}
			case "link" -> link(payload);
			case "actionCard" -> actionCard(payload);
			case "feedCard" -> feedCard(payload);
			default -> rawBody();
		}
	}

	private void title(Map<?, ?> payload) {
		// DingTalk shows the title in the notification and the chat list, not in the
		// bubble
		this.html.append("<div class=\"title\">").append(HtmlText.escape(string(payload, "title"))).append("</div>");
	}

	private void markdown(Map<?, ?> payload) {
		this.html.append("<div class=\"markdown\">")
			.append(DingTalkMarkdown.render(string(payload, "text"), this.mentions))
			.append("</div>");
	}

	private void link(Map<?, ?> payload) {
		anchor("link-card", string(payload, "messageUrl"));
		this.html.append("<div class=\"link-title\">")
			.append(HtmlText.escape(string(payload, "title")))
			.append("</div><div class=\"link-body\"><p>")
			.append(HtmlText.escape(string(payload, "text")))
			.append("</p>");
		picture(string(payload, "picUrl"));
		this.html.append("</div></a>");
	}

	private void actionCard(Map<?, ?> payload) {
		title(payload);
		markdown(payload);
		String singleTitle = string(payload, "singleTitle");
		// btnOrientation "1" puts the buttons side by side, anything else stacks them
		boolean horizontal = "1".equals(String.valueOf(payload.get("btnOrientation")));
		this.html.append("<div class=\"buttons ").append(horizontal ? "horizontal" : "vertical").append("\">");
		if (!singleTitle.isEmpty()) {
			button(singleTitle, string(payload, "singleURL"));
		}
		else {
			for (Map<?, ?> button : objects(payload, "btns")) {
				button(string(button, "title"), string(button, "actionURL"));
			}
		}
		this.html.append("</div>");
	}

	private void button(String title, String url) {
		anchor("button", url);
		this.html.append(HtmlText.escape(title)).append("</a>");
	}

	private void feedCard(Map<?, ?> payload) {
		this.html.append("<div class=\"feed-card\">");
		for (Map<?, ?> link : objects(payload, "links")) {
			anchor("feed-item", string(link, "messageURL"));
			this.html.append("<span class=\"feed-title\">")
				.append(HtmlText.escape(string(link, "title")))
				.append("</span>");
			picture(string(link, "picURL"));
			this.html.append("</a>");
		}
		this.html.append("</div>");
	}

	private void rawBody() {
		String body = this.request.body();
		String shown = (body.length() > MAX_RAW_BODY) ? body.substring(0, MAX_RAW_BODY) + "…" : body;
		this.html.append("<pre class=\"raw\">").append(HtmlText.escape(shown)).append("</pre>");
	}

	private void anchor(String cssClass, String url) {
		this.html.append("<a class=\"")
			.append(cssClass)
			.append("\" href=\"")
			.append(HtmlText.escape(SafeUrl.link(url)))
			.append("\" target=\"_blank\" rel=\"noopener noreferrer\">");
	}

	private void picture(String url) {
		String src = SafeUrl.image(url);
		if (!src.isEmpty()) {
			this.html.append("<img src=\"").append(HtmlText.escape(src)).append("\" alt=\"\" loading=\"lazy\">");
		}
	}

	private void answer() {
		EmulatorResponse response = this.request.response();
		this.html.append("<footer class=\"answer\">");
		if (response.errcode() != null) {
			this.html.append("errcode <b>")
				.append(response.errcode())
				.append("</b> ")
				.append(HtmlText.escape(String.valueOf(response.errmsg())));
		}
		else {
			this.html.append(response.dropsConnection() ? "connection dropped" : "HTTP " + response.status());
		}
		FaultKind fault = this.request.fault();
		if (fault != null) {
			this.html.append(" <span class=\"fault\">injected fault: ")
				.append(HtmlText.escape(fault.toString()))
				.append("</span>");
		}
		this.html.append("</footer>");
	}

	private static String string(Map<?, ?> object, String field) {
		return (object.get(field) instanceof String value) ? value : "";
	}

	private static List<Map<?, ?>> objects(Map<?, ?> object, String field) {
		if (!(object.get(field) instanceof List<?> items)) {
			return List.of();
		}
		return items.stream().filter(Map.class::isInstance).<Map<?, ?>>map(Map.class::cast).toList();
	}

}
