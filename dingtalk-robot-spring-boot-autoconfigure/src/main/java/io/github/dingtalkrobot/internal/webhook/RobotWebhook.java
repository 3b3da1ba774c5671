package io.github.dingtalkrobot.internal.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriUtils;

/**
 * The address of one robot: a webhook URL with its {@code access_token}, from which the
 * URI of each request is built. Any {@code timestamp} and {@code sign} already in a
 * copied webhook are dropped, so that every request carries exactly one fresh signature.
 * <p>
 * Parsed with {@link URI} and by hand rather than with Spring's
 * {@code UriComponentsBuilder}, whose parser logs every query it sees at TRACE level,
 * access token included.
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

	private final URI base;

	private final String accessToken;

	private RobotWebhook(URI base, String accessToken) {
		this.base = base;
		this.accessToken = accessToken;
	}

	/**
	 * Return the webhook for a URL copied from DingTalk.
	 * @param webhook the webhook URL, with its {@code access_token} query parameter
	 * @return the webhook
	 * @throws IllegalArgumentException if the URL is not http(s) or has not exactly one
	 * access token; the message never repeats the URL
	 */
	public static RobotWebhook of(String webhook) {
		URI uri = parse(webhook, "webhook");
		List<String> kept = new ArrayList<>();
		List<String> accessTokens = new ArrayList<>();
		for (String parameter : parameters(uri)) {
			String name = name(parameter);
			if (name.equals(ACCESS_TOKEN)) {
				accessTokens.add(UriUtils.decode(value(parameter), StandardCharsets.UTF_8));
			}
			if (!name.equals("timestamp") && !name.equals("sign")) {
				kept.add(parameter);
			}
		}
		if (accessTokens.size() != 1 || accessTokens.get(0).isBlank()) {
			throw new IllegalArgumentException("'webhook' must have exactly one access_token query parameter; copy the "
					+ "whole URL from the robot's settings");
		}
		return new RobotWebhook(withQuery(uri, kept), accessTokens.get(0));
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
		URI uri = parse(baseUrl, "baseUrl");
		List<String> query = new ArrayList<>(
				parameters(uri).stream().filter((parameter) -> !name(parameter).equals(ACCESS_TOKEN)).toList());
		query.add(ACCESS_TOKEN + "=" + UriUtils.encodeQueryParam(accessToken, StandardCharsets.UTF_8));
		return new RobotWebhook(withQuery(uri, query), accessToken);
	}

	private static URI parse(String url, String name) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("'" + name + "' must be a valid, URL-encoded http or https URL");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
			throw new IllegalArgumentException("'" + name + "' must be an http or https URL with a host");
		}
		return uri;
	}

	private static List<String> parameters(URI uri) {
		String query = uri.getRawQuery();
		if (query == null || query.isEmpty()) {
			return List.of();
		}
		return List.of(query.split("&")).stream().filter((parameter) -> !parameter.isEmpty()).toList();
	}

	private static String name(String parameter) {
		int equals = parameter.indexOf('=');
		return UriUtils.decode((equals != -1) ? parameter.substring(0, equals) : parameter, StandardCharsets.UTF_8);
	}

	private static String value(String parameter) {
		int equals = parameter.indexOf('=');
		return (equals != -1) ? parameter.substring(equals + 1) : "";
	}

	// Scheme, authority and path as they were, the fragment dropped
	private static URI withQuery(URI uri, List<String> query) {
		String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
		return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path
				+ (query.isEmpty() ? "" : "?" + String.join("&", query)));
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
			return this.base;
		}
		// Encoded here, exactly once: passing a URI object (not a String) keeps
		// RestClient from encoding it again
		String sign = URLEncoder.encode(WebhookSigner.sign(timestampMillis, secret), StandardCharsets.UTF_8);
		return URI.create(this.base + "&timestamp=" + timestampMillis + "&sign=" + sign);
	}

	/**
	 * Return the webhook with its access token masked, for logs and messages.
	 * @return the redacted webhook, for example
	 * {@code https://oapi.dingtalk.com/robot/send?access_token=******}
	 */
	public String redacted() {
		String port = (this.base.getPort() != -1) ? ":" + this.base.getPort() : "";
		return this.base.getScheme() + "://" + this.base.getHost() + port + this.base.getRawPath() + "?" + ACCESS_TOKEN
				+ "=" + REDACTED;
	}

	@Override
	public String toString() {
		return redacted();
	}

}
