package io.github.dingtalkrobot.emulator;

import java.util.Locale;
import java.util.Set;

import org.commonmark.renderer.html.UrlSanitizer;
import org.jspecify.annotations.Nullable;

/**
 * Neutralises the URLs of untrusted messages for the inbox page: links keep the schemes
 * DingTalk opens ({@code http}, {@code https}, {@code dingtalk}, {@code mailto}) and
 * pictures {@code http} and {@code https}; anything else, such as {@code javascript:},
 * becomes harmless. Relative URLs are kept: they point at the emulator itself.
 */
final class SafeUrl implements UrlSanitizer {

	static final SafeUrl INSTANCE = new SafeUrl();

	private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "dingtalk", "mailto");

	private static final Set<String> IMAGE_SCHEMES = Set.of("http", "https");

	private static final String NO_LINK = "#";

	private static final String NO_IMAGE = "";

	private SafeUrl() {
	}

	static String link(@Nullable String url) {
		return sanitize(url, LINK_SCHEMES, NO_LINK);
	}

	static String image(@Nullable String url) {
		return sanitize(url, IMAGE_SCHEMES, NO_IMAGE);
	}

	@Override
	public String sanitizeLinkUrl(String url) {
		return link(url);
	}

	@Override
	public String sanitizeImageUrl(String url) {
		return image(url);
	}

	private static String sanitize(@Nullable String url, Set<String> schemes, String replacement) {
		if (url == null) {
			return replacement;
		}
		// Browsers ignore control characters and spaces in a scheme ("java\tscript:")
		String trimmed = url.strip();
		String compact = trimmed.replaceAll("[\\p{Cntrl}\\s]", "");
		int colon = compact.indexOf(':');
		int pathStart = firstIndexOfAny(compact, "/?#");
		if (colon < 0 || (pathStart >= 0 && pathStart < colon)) {
			return trimmed;
		}
		return schemes.contains(compact.substring(0, colon).toLowerCase(Locale.ROOT)) ? trimmed : replacement;
	}

	private static int firstIndexOfAny(String text, String characters) {
		for (int i = 0; i < text.length(); i++) {
			if (characters.indexOf(text.charAt(i)) >= 0) {
				return i;
			}
		}
		return -1;
	}

}
