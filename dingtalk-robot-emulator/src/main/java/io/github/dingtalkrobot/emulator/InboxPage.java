package io.github.dingtalkrobot.emulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The emulator's inbox page: the robots to filter by, a button that clears the inbox and
 * the messages, newest first. The page's script ({@code inbox.js}) adds new messages as
 * they arrive, as fragments rendered by {@link #messages(List)}.
 */
final class InboxPage {

	private InboxPage() {
	}

	/**
	 * Render the whole page.
	 * @param robots the registered robots
	 * @param requests the requests to show, in arrival order
	 * @param robot the robot the page is filtered by, or {@code null} for all
	 * @return the HTML
	 */
	static String render(List<EmulatedRobot> robots, List<RecordedRequest> requests, @Nullable String robot) {
		StringBuilder html = new StringBuilder(4096);
		html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
			.append("<title>DingTalk emulator inbox</title>")
			.append("<link rel=\"stylesheet\" href=\"/inbox/inbox.css\">")
			.append("<script src=\"/inbox/inbox.js\" defer></script></head><body>")
			.append("<header class=\"top\"><h1>DingTalk emulator inbox</h1><nav class=\"robots\">");
		filterLink(html, null, "All robots", robot == null);
		for (EmulatedRobot candidate : robots) {
			filterLink(html, candidate.name(), candidate.name() + security(candidate), candidate.name().equals(robot));
		}
		html.append("</nav><button id=\"clear\" type=\"button\">Clear inbox</button></header>")
			.append("<main id=\"messages\" data-robot=\"")
			.append(HtmlText.escape((robot != null) ? robot : ""))
			.append("\">")
			.append(messages(requests))
			.append("</main></body></html>\n");
		return html.toString();
	}

	/**
	 * Render messages, newest first, without whitespace between them (so that an empty
	 * inbox matches CSS {@code :empty}).
	 * @param requests the requests, in arrival order
	 * @return the HTML
	 */
	static String messages(List<RecordedRequest> requests) {
		StringBuilder html = new StringBuilder(requests.size() * 512);
		for (int i = requests.size() - 1; i >= 0; i--) {
			html.append(MessageHtml.render(requests.get(i)));
		}
		return html.toString();
	}

	private static void filterLink(StringBuilder html, @Nullable String robot, String label, boolean selected) {
		String href = (robot != null) ? "/?robot=" + URLEncoder.encode(robot, StandardCharsets.UTF_8) : "/";
		html.append("<a href=\"").append(HtmlText.escape(href)).append("\"");
		if (selected) {
			html.append(" class=\"selected\" aria-current=\"page\"");
		}
		html.append(">").append(HtmlText.escape(label)).append("</a>");
	}

	private static String security(EmulatedRobot robot) {
		StringBuilder settings = new StringBuilder();
		if (robot.secret() != null) {
			settings.append(" · signed");
		}
		if (!robot.keywords().isEmpty()) {
			settings.append(" · keywords ").append(String.join(", ", robot.keywords()));
		}
		if (!robot.allowedAddresses().isEmpty()) {
			settings.append(" · IPs ").append(String.join(", ", robot.allowedAddresses()));
		}
		return settings.toString();
	}

}
