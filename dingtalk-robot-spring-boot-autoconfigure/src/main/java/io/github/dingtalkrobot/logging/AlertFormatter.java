package io.github.dingtalkrobot.logging;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import io.github.dingtalkrobot.internal.webhook.JsonBytes;
import io.github.dingtalkrobot.message.MarkdownMessage;
import io.github.dingtalkrobot.message.Message;
import org.jspecify.annotations.Nullable;

/**
 * Writes alerts and rollup summaries as Markdown: a head with the level, application,
 * host, logger, thread, time and allowed MDC entries, the message, then the exception
 * chain trimmed to a number of frames per exception. The JSON body always stays under
 * DingTalk's 20,000 bytes: the trace is cut, never the head.
 */
final class AlertFormatter {

	// DingTalk refuses bodies over 20,000 bytes: leave room for the JSON envelope, the
	// title and a keyword the robot may add
	static final int MAX_TEXT_BYTES = 18_000;

	// A message this long is cut too, so that the head always fits
	private static final int MAX_MESSAGE_BYTES = 4_000;

	private static final int TITLE_LENGTH = 64;

	// A single line break collapses in DingTalk's Markdown; two trailing spaces keep it
	private static final String LINE_BREAK = "  \n";

	private static final String TRACE_CUT = "> ... trace cut to fit DingTalk's 20,000 bytes";

	// Spring's I/O exceptions name the full request URL, a webhook's query string
	// included
	private static final Pattern SECRET_QUERY_PARAMETER = Pattern.compile("\\b(access_token|sign)=[^&\\s\"'>]*");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS xxx");

	private static final DateTimeFormatter SUMMARY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final @Nullable String applicationName;

	private final @Nullable String host;

	private final ZoneId zone;

	private final String window;

	private final List<String> mdcKeys;

	private final int maxStackFrames;

	AlertFormatter(@Nullable String applicationName, @Nullable String host, ZoneId zone, Duration dedupWindow,
			List<String> mdcKeys, int maxStackFrames) {
		this.applicationName = applicationName;
		this.host = host;
		this.zone = zone;
		this.window = describe(dedupWindow);
		this.mdcKeys = List.copyOf(mdcKeys);
		this.maxStackFrames = maxStackFrames;
	}

	/**
	 * Return the alert for the first event of a fingerprint.
	 * @param logged the event
	 * @param dropped how many events were dropped since the last alert
	 * @return the message
	 */
	MarkdownMessage alert(LoggedEvent logged, long dropped) {
		ILoggingEvent event = logged.event();
		String head = head(event, logged.timestamp(), null, dropped);
		StringBuilder text = new StringBuilder(head);
		IThrowableProxy throwable = event.getThrowableProxy();
		if (throwable != null) {
			text.append("\n\n").append(trace(throwable, MAX_TEXT_BYTES - JsonBytes.of(head) - JsonBytes.of("\n\n")));
		}
		return Message.markdown(title(event, ""), text.toString());
	}

	/**
	 * Return the summary of a fingerprint's events within the dedup window.
	 * @param rollup the events
	 * @param count how many events the rollup counted, the first included
	 * @param dropped how many events were dropped since the last alert
	 * @return the message
	 */
	MarkdownMessage summary(Rollup rollup, long count, long dropped) {
		ILoggingEvent event = rollup.first().event();
		String times = "×" + count;
		String line = "**" + times + "** in the last " + this.window + ", first "
				+ SUMMARY_TIME.format(time(rollup.first().timestamp())) + ", last "
				+ SUMMARY_TIME.format(time(rollup.last()));
		return Message.markdown(title(event, times + " "), head(event, rollup.first().timestamp(), line, dropped));
	}

	private String head(ILoggingEvent event, long timestamp, @Nullable String summary, long dropped) {
		StringBuilder head = new StringBuilder("#### ").append(event.getLevel());
		if (this.applicationName != null) {
			head.append(" in ").append(this.applicationName);
		}
		head.append("\n\n");
		if (summary != null) {
			head.append(summary).append("\n\n");
		}
		if (this.host != null) {
			item(head, "Host", this.host);
		}
		item(head, "Logger", event.getLoggerName());
		item(head, "Thread", event.getThreadName());
		item(head, "Time", TIME.format(time(timestamp)));
		Map<String, String> mdc = event.getMDCPropertyMap();
		for (String key : this.mdcKeys) {
			String value = mdc.get(key);
			if (value != null) {
				item(head, key, redact(value));
			}
		}
		if (dropped > 0) {
			item(head, "Dropped", dropped + " earlier events, the alert buffer was full");
		}
		head.append('\n');
		quote(head, cut(redact(event.getFormattedMessage()), MAX_MESSAGE_BYTES));
		return head.toString();
	}

	private String title(ILoggingEvent event, String prefix) {
		String title = prefix + event.getLevel() + ((this.applicationName != null) ? " " + this.applicationName : "")
				+ ": " + redact(event.getFormattedMessage()).replaceAll("\\s+", " ");
		return (title.length() > TITLE_LENGTH) ? title.substring(0, TITLE_LENGTH - 3) + "..." : title;
	}

	private String trace(IThrowableProxy throwable, int budget) {
		List<String> lines = List.of();
		for (int frames = this.maxStackFrames; frames >= 0; frames = (frames > 0) ? frames / 2 : -1) {
			lines = traceLines(throwable, frames);
			if (jsonBytes(lines) <= budget) {
				return String.join(LINE_BREAK, lines);
			}
		}
		// Even the exception heads alone are too long: keep those that fit
		StringBuilder trace = new StringBuilder();
		int remaining = budget - JsonBytes.of(LINE_BREAK + TRACE_CUT);
		for (String line : lines) {
			int bytes = JsonBytes.of(line + LINE_BREAK);
			if (bytes > remaining) {
				break;
			}
			trace.append(line).append(LINE_BREAK);
			remaining -= bytes;
		}
		return trace.append(TRACE_CUT).toString();
	}

	private List<String> traceLines(IThrowableProxy throwable, int maxFrames) {
		List<String> lines = new ArrayList<>();
		String prefix = "";
		for (IThrowableProxy current = throwable; current != null; current = current.getCause()) {
			String message = current.getMessage();
			String heading = prefix + current.getClassName() + ((message != null) ? ": " + redact(message) : "");
			heading.lines().forEach((line) -> lines.add("> " + line));
			StackTraceElementProxy[] frames = current.getStackTraceElementProxyArray();
			int shown = Math.min(frames.length - current.getCommonFrames(), maxFrames);
			for (int i = 0; i < shown; i++) {
				lines.add("> " + frames[i].getSTEAsString());
			}
			if (frames.length > shown) {
				lines.add("> ... " + (frames.length - shown) + " more");
			}
			if (current.isCyclic()) {
				break;
			}
			prefix = "Caused by: ";
		}
		return lines;
	}

	private ZonedDateTime time(long timestamp) {
		return Instant.ofEpochMilli(timestamp).atZone(this.zone);
	}

	private static void item(StringBuilder text, String name, String value) {
		text.append("- **").append(name).append(":** ").append(value.replaceAll("\\s+", " ")).append('\n');
	}

	private static void quote(StringBuilder text, String message) {
		List<String> lines = message.lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			text.append("> ").append(lines.get(i)).append((i < lines.size() - 1) ? LINE_BREAK : "");
		}
	}

	private static String redact(String text) {
		return SECRET_QUERY_PARAMETER.matcher(text).replaceAll("$1=******");
	}

	private static String cut(String text, int maxBytes) {
		if (JsonBytes.of(text) <= maxBytes) {
			return text;
		}
		StringBuilder cut = new StringBuilder();
		int bytes = JsonBytes.of(" ...");
		for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
			String codePoint = new String(Character.toChars(text.codePointAt(i)));
			bytes += JsonBytes.of(codePoint);
			if (bytes > maxBytes) {
				break;
			}
			cut.append(codePoint);
		}
		return cut.append(" ...").toString();
	}

	private static int jsonBytes(List<String> lines) {
		int bytes = 0;
		for (String line : lines) {
			bytes += JsonBytes.of(line) + JsonBytes.of(LINE_BREAK);
		}
		return bytes;
	}

	private static String describe(Duration window) {
		if (window.toHours() > 0 && window.equals(Duration.ofHours(window.toHours()))) {
			return plural(window.toHours(), "hour");
		}
		if (window.toMinutes() > 0 && window.equals(Duration.ofMinutes(window.toMinutes()))) {
			return plural(window.toMinutes(), "minute");
		}
		if (window.getSeconds() > 0 && window.equals(Duration.ofSeconds(window.getSeconds()))) {
			return plural(window.getSeconds(), "second");
		}
		return window.toMillis() + " ms";
	}

	private static String plural(long count, String unit) {
		return (count == 1) ? unit : count + " " + unit + "s";
	}

}
