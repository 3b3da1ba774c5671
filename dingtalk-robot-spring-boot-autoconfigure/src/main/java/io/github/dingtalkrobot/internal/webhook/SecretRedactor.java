package io.github.dingtalkrobot.internal.webhook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriUtils;

/**
 * Keeps a robot's access token and secret, and the signature of its requests, out of text
 * that leaves the robot: log lines, exception messages and their causes, and observation
 * attributes. The one place that decides what is a secret.
 *
 * @since 0.1.0
 */
public final class SecretRedactor {

	private static final String MASK = "******";

	// Spring's I/O exceptions name the full request URL, query string included
	private static final Pattern SECRET_QUERY_PARAMETER = Pattern.compile("\\b(access_token|sign)=[^&\\s\"'>]*");

	private final List<String> secrets = new ArrayList<>();

	/**
	 * Create a redactor for the given secrets.
	 * @param secrets the values to hide; {@code null} and empty values are ignored
	 */
	public SecretRedactor(@Nullable String... secrets) {
		for (String secret : secrets) {
			if (secret != null && !secret.isEmpty()) {
				this.secrets.add(secret);
				this.secrets.add(UriUtils.encode(secret, StandardCharsets.UTF_8));
			}
		}
	}

	/**
	 * Return the text with every secret and every {@code access_token} or {@code sign}
	 * query value masked.
	 * @param text the text
	 * @return the redacted text
	 */
	public String redact(String text) {
		String result = text;
		for (String secret : this.secrets) {
			result = result.replace(secret, MASK);
		}
		return SECRET_QUERY_PARAMETER.matcher(result).replaceAll("$1=" + MASK);
	}

	/**
	 * Return the outermost exception in the given chain whose messages, and those of its
	 * causes and suppressed exceptions, reveal no secret. The root cause of an I/O error
	 * usually qualifies, while Spring's wrapper around it, which names the URL, does not.
	 * @param exception the exception
	 * @return an exception that is safe to attach as a cause, or {@code null}
	 */
	public @Nullable Throwable safeCause(@Nullable Throwable exception) {
		for (Throwable candidate = exception; candidate != null; candidate = candidate.getCause()) {
			if (isSafe(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	private boolean isSafe(Throwable exception) {
		for (Throwable current = exception; current != null; current = current.getCause()) {
			if (!isSafe(current.toString())) {
				return false;
			}
			for (Throwable suppressed : current.getSuppressed()) {
				if (!isSafe(suppressed)) {
					return false;
				}
			}
		}
		return true;
	}

	private boolean isSafe(String text) {
		return redact(text).equals(text);
	}

}
