package io.github.dingtalkrobot.internal.webhook;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The address of one robot: a webhook URL with its {@code access_token}, from which the
 * URI of each request is built. Any {@code timestamp} and {@code sign} already in a
 * copied webhook are dropped, so that every request carries exactly one fresh signature.
 *
 * @since 0.1.0
 */
public final class RobotWebhook {

	/**
	 * The URL that robots send to unless another is set.
	 */
	public static final String DEFAULT_BASE_URL = "https://oapi.dingtalk.com/robot/send";

	private static final String ACCESS_TOKEN = "access_token";

	private static final String REDACTED = "******";

	private final UriComponents base;

	private final String accessToken;

	private RobotWebhook(UriComponents base, String accessToken) {
		this.base = base;
		this.accessToken = accessToken;
	}

	/**
	 * Return the webhook for a URL copied from DingTalk.
	 * @param webhook the webhook URL, with its {@code access_token} query parameter
	 * @return the webhook
	 * @throws IllegalArgumentException if the URL is not http(s) or has no access token;
	 * the message never repeats the URL
	 */
	public static RobotWebhook of(String webhook) {
		UriComponents components = parse(webhook, "webhook");
		MultiValueMap<String, String> query = components.getQueryParams();
		String accessToken = query.getFirst(ACCESS_TOKEN);
		if (accessToken == null || accessToken.isBlank()) {
			throw new IllegalArgumentException(
					"'webhook' must have an access_token query parameter; copy the whole URL from the robot's settings");
		}
		UriComponents base = UriComponentsBuilder.newInstance()
			.uriComponents(components)
			.replaceQueryParam("timestamp")
			.replaceQueryParam("sign")
			.build(true);
		return new RobotWebhook(base, UriUtils.decode(accessToken, StandardCharsets.UTF_8));
	}

	/**
	 * Return the webhook for an access token sent to the given URL.
	 * @param baseUrl the URL that robots send to, such as
	 * {@code https://oapi.dingtalk.com/robot/send}
	 * @param accessToken the robot's access token
	 * @return the webhook
	 * @throws IllegalArgumentException if the URL is not http(s) or the token is blank or
	 * a URL; the message never repeats the token
	 */
	public static RobotWebhook of(String baseUrl, String accessToken) {
		if (accessToken.isBlank()) {
			throw new IllegalArgumentException("'accessToken' must not be blank");
		}
		if (accessToken.contains("://")) {
			throw new IllegalArgumentException(
					"'accessToken' must be the token only; set a whole URL copied from DingTalk as 'webhook'");
		}
		UriComponents base = UriComponentsBuilder.newInstance()
			.uriComponents(parse(baseUrl, "baseUrl"))
			.replaceQueryParam(ACCESS_TOKEN, UriUtils.encodeQueryParam(accessToken, StandardCharsets.UTF_8))
			.build(true);
		return new RobotWebhook(base, accessToken);
	}

	private static UriComponents parse(String url, String name) {
		UriComponents components;
		try {
			components = UriComponentsBuilder.fromUriString(url).build(true);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("'" + name + "' must be a valid, URL-encoded http or https URL");
		}
		String scheme = (components.getScheme() != null) ? components.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!(scheme.equals("http") || scheme.equals("https")) || !StringUtils.hasText(components.getHost())) {
			throw new IllegalArgumentException("'" + name + "' must be an http or https URL with a host");
		}
		return components;
	}

	/**
	 * Return the robot's access token, decoded.
	 * @return the access token
	 */
	public String accessToken() {
		return this.accessToken;
	}

	/**
	 * Return the URI of a request, signed when a secret is given.
	 * @param timestampMillis the time of the request in milliseconds since the epoch
	 * @param secret the robot's secret, or {@code null} for an unsigned request
	 * @return the URI to send the request to
	 */
	public URI uri(long timestampMillis, @Nullable String secret) {
		if (secret == null) {
			return this.base.toUri();
		}
		// Encoded here, exactly once: build(true) keeps it as it is, and passing a URI
		// object (not a String) keeps RestClient from encoding it again
		String sign = URLEncoder.encode(WebhookSigner.sign(timestampMillis, secret), StandardCharsets.UTF_8);
		return UriComponentsBuilder.newInstance()
			.uriComponents(this.base)
			.queryParam("timestamp", timestampMillis)
			.queryParam("sign", sign)
			.build(true)
			.toUri();
	}

	/**
	 * Return the webhook with its access token masked, for logs and messages.
	 * @return the redacted webhook, for example
	 * {@code https://oapi.dingtalk.com/robot/send?access_token=******}
	 */
	public String redacted() {
		return UriComponentsBuilder.newInstance()
			.scheme(this.base.getScheme())
			.host(this.base.getHost())
			.port(this.base.getPort())
			.path(this.base.getPath())
			.query(ACCESS_TOKEN + "=" + REDACTED)
			.build(true)
			.toUriString();
	}

	@Override
	public String toString() {
		return redacted();
	}

}
