package io.github.dingtalkrobot.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain JDK HTTP client with its own DingTalk signing code, so that the emulator is
 * tested independently of the project's client. Shared with the other modules' tests
 * through this module's test jar.
 */
public final class WebhookClient {

	public static final String JSON = "application/json; charset=utf-8";

	private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private WebhookClient() {
	}

	public static Answer post(String url, String json) {
		return post(url, JSON, json.getBytes(StandardCharsets.UTF_8));
	}

	public static Answer post(String url, @Nullable String contentType, byte[] body) {
		try {
			return Answer.of(send(request(url, contentType, body)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static HttpRequest request(String url, @Nullable String contentType, byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).POST(BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return request.build();
	}

	public static HttpRequest request(String url, String json) {
		return request(url, JSON, json.getBytes(StandardCharsets.UTF_8));
	}

	public static HttpResponse<String> send(HttpRequest request) throws IOException {
		try {
			return http.send(request, BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	public static CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
		return http.sendAsync(request, BodyHandlers.ofString());
	}

	public static String signedUrl(String webhook, String secret, long timestamp) {
		return webhook + "&timestamp=" + timestamp + "&sign="
				+ URLEncoder.encode(sign(secret, timestamp), StandardCharsets.UTF_8);
	}

	public static String sign(String secret, long timestamp) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] hmac = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(hmac);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String text(String content) {
		return "{\"msgtype\":\"text\",\"text\":{\"content\":\"" + content + "\"}}";
	}

	public record Answer(int status, @Nullable String contentType, String body) {

		private static final Pattern ERRCODE = Pattern.compile("\"errcode\":(-?\\d+)");

		private static final Pattern ERRMSG = Pattern.compile("\"errmsg\":\"([^\"]*)\"");

		public static Answer of(HttpResponse<String> response) {
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
					response.body());
		}

		public void assertRefusedWith(int errcode, String errmsg) {
			assertThat(this.status).isEqualTo(200);
			assertThat(errcode()).isEqualTo(errcode);
			assertThat(errmsg()).isEqualTo(errmsg);
		}

		public int errcode() {
			return Integer.parseInt(group(ERRCODE));
		}

		public String errmsg() {
			return group(ERRMSG);
		}

		private String group(Pattern pattern) {
			Matcher matcher = pattern.matcher(this.body);
			if (!matcher.find()) {
				throw new AssertionError("Not DingTalk's JSON: " + this.body);
			}
			return matcher.group(1);
		}

	}

}
