package io.github.dingtalkrobot.internal.webhook;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;
import java.util.function.Supplier;

import io.github.dingtalkrobot.DingTalkApiException;
import io.github.dingtalkrobot.DingTalkRateLimitedException;
import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.DingTalkTransportException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Performs one webhook exchange: signs the request, posts the JSON body and turns
 * DingTalk's answer into a {@link DingTalkResponse} or a typed exception. No Spring or
 * Jackson exception escapes, and nothing thrown reveals the robot's secrets.
 *
 * @since 0.1.0
 */
public final class WebhookClient {

	/**
	 * The largest body DingTalk accepts, in bytes.
	 */
	public static final int MAX_BODY_BYTES = 20_000;

	private static final MediaType JSON_UTF_8 = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);

	private static final Set<Integer> RATE_LIMITED = Set.of(130101, 410100);

	private final String robotName;

	private final RobotWebhook webhook;

	private final @Nullable String secret;

	private final Clock clock;

	private final SecretRedactor redactor;

	private final SingletonSupplier<RestClient> restClient;

	// The last signed address: requests within one millisecond share its signature
	private volatile @Nullable SignedUri lastSigned;

	/**
	 * Create a client for one robot.
	 * @param robotName the name of the robot
	 * @param webhook the robot's webhook
	 * @param secret the robot's secret, or {@code null} if requests are not signed
	 * @param clock the clock that signatures are timestamped with
	 * @param restClientBuilder supplies the robot's own builder, which this client adds
	 * to; called once, on the first send, so that a robot that never sends costs no HTTP
	 * client or message converters
	 */
	public WebhookClient(String robotName, RobotWebhook webhook, @Nullable String secret, Clock clock,
			Supplier<RestClient.Builder> restClientBuilder) {
		this.robotName = robotName;
		this.webhook = webhook;
		this.secret = secret;
		this.clock = clock;
		this.redactor = new SecretRedactor(webhook.accessToken(), secret);
		this.restClient = SingletonSupplier.of(() -> restClientBuilder.get()
			.requestInterceptor(new BodySizeLimitInterceptor(robotName, MAX_BODY_BYTES))
			.observationConvention(new RedactingClientRequestObservationConvention(this.redactor))
			.build());
	}

	/**
	 * Post a message to DingTalk.
	 * @param payload the message's body
	 * @return DingTalk's answer, with {@code errcode} {@code 0}
	 * @throws DingTalkApiException if DingTalk answered with another {@code errcode}
	 * @throws DingTalkTransportException if DingTalk could not be reached or did not
	 * answer with its JSON
	 * @throws io.github.dingtalkrobot.DingTalkMessageTooLargeException if the body is too
	 * large; nothing was sent
	 */
	public DingTalkResponse send(WebhookPayload payload) {
		URI uri = signedUri(this.clock.millis());
		try {
			return this.restClient.obtain()
				.post()
				.uri(uri)
				.contentType(JSON_UTF_8)
				.accept(MediaType.APPLICATION_JSON)
				.body(payload)
				.exchange((request, response) -> answer(response));
		}
		catch (ResourceAccessException ex) {
			throw ioFailure(ex);
		}
		catch (RestClientException | HttpMessageConversionException ex) {
			throw new DingTalkTransportException(this.robotName,
					"Failed to send the message of DingTalk robot '" + this.robotName + "': " + describe(ex), null,
					false, true, this.redactor.safeCause(ex));
		}
	}

	private URI signedUri(long timestampMillis) {
		SignedUri signed = this.lastSigned;
		if (signed == null || signed.timestampMillis() != timestampMillis) {
			signed = new SignedUri(timestampMillis, this.webhook.uri(timestampMillis, this.secret));
			this.lastSigned = signed;
		}
		return signed.uri();
	}

	private DingTalkResponse answer(ConvertibleClientHttpResponse response) throws IOException {
		HttpStatusCode status = response.getStatusCode();
		if (!status.is2xxSuccessful()) {
			boolean retryable = status.is5xxServerError() || status.value() == HttpStatus.TOO_MANY_REQUESTS.value();
			throw new DingTalkTransportException(this.robotName,
					"DingTalk answered HTTP " + status.value() + " to robot '" + this.robotName + "'", status.value(),
					retryable, false, null);
		}
		WebhookResponse answer = readAnswer(response, status);
		Integer errcode = answer.errcode();
		String errmsg = (answer.errmsg() != null) ? this.redactor.redact(answer.errmsg()) : "";
		if (errcode == 0) {
			return new DingTalkResponse(errcode, errmsg);
		}
		if (RATE_LIMITED.contains(errcode)) {
			throw new DingTalkRateLimitedException(this.robotName, errcode, errmsg);
		}
		throw new DingTalkApiException(this.robotName, errcode, errmsg);
	}

	private WebhookResponse readAnswer(ConvertibleClientHttpResponse response, HttpStatusCode status)
			throws IOException {
		WebhookResponse answer;
		try {
			answer = response.bodyTo(WebhookResponse.class);
		}
		catch (RestClientException | HttpMessageConversionException ex) {
			answer = null;
		}
		if (answer == null || answer.errcode() == null) {
			MediaType contentType = response.getHeaders().getContentType();
			throw new DingTalkTransportException(this.robotName,
					"DingTalk answered HTTP " + status.value() + " to robot '" + this.robotName
							+ "' without its JSON errcode (content type " + contentType + ")",
					status.value(), false, true, null);
		}
		return answer;
	}

	private DingTalkTransportException ioFailure(ResourceAccessException ex) {
		Throwable cause = this.redactor.safeCause(ex.getCause());
		boolean neverSent = TransportFailures.neverSent(ex);
		String outcome = neverSent ? "the message was not sent" : "the message may have been delivered";
		return new DingTalkTransportException(this.robotName, "I/O error on the webhook of DingTalk robot '"
				+ this.robotName + "', " + outcome + ": " + describe(ex.getCause()), null, neverSent, !neverSent,
				cause);
	}

	private String describe(@Nullable Throwable failure) {
		if (failure == null) {
			return "unknown error";
		}
		String message = failure.getMessage();
		String type = failure.getClass().getSimpleName();
		return (message != null) ? type + ": " + this.redactor.redact(message) : type;
	}

	@Override
	public String toString() {
		return "WebhookClient[robot=" + this.robotName + ", webhook=" + this.webhook.redacted() + "]";
	}

	private record SignedUri(long timestampMillis, URI uri) {

		@Override
		public String toString() {
			return "SignedUri[timestampMillis=" + this.timestampMillis + "]";
		}

	}

}
