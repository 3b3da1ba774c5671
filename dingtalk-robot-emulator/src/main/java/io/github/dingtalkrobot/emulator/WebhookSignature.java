package io.github.dingtalkrobot.emulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * DingTalk's check of a signed webhook request: {@code sign} must be
 * {@code Base64(HmacSHA256(secret, timestamp + "\n" + secret))} and {@code timestamp}
 * (epoch milliseconds) within one hour of the server's clock. Deliberately written
 * without any code of the client it checks.
 */
final class WebhookSignature {

	private static final long WINDOW_MILLIS = Duration.ofHours(1).toMillis();

	private static final String ALGORITHM = "HmacSHA256";

	private WebhookSignature() {
	}

	/**
	 * Check a request against a robot's secret.
	 * @param secret the robot's secret
	 * @param request the request
	 * @param now the emulator's current time
	 * @return the error to answer, or {@code null} when the signature is valid
	 */
	static @Nullable DingTalkError verify(String secret, WebhookRequest request, Instant now) {
		String timestamp = request.queryParameter("timestamp");
		String sign = request.queryParameter("sign");
		if (timestamp == null || sign == null) {
			return DingTalkError.SIGN_NOT_MATCH;
		}
		if (!isWithinWindow(timestamp, now)) {
			return DingTalkError.INVALID_TIMESTAMP;
		}
		byte[] expected = sign(secret, timestamp).getBytes(StandardCharsets.UTF_8);
		byte[] actual = sign.getBytes(StandardCharsets.UTF_8);
		return MessageDigest.isEqual(expected, actual) ? null : DingTalkError.SIGN_NOT_MATCH;
	}

	private static boolean isWithinWindow(String timestamp, Instant now) {
		try {
			long signedAt = Long.parseLong(timestamp);
			long millis = now.toEpochMilli();
			return signedAt >= millis - WINDOW_MILLIS && signedAt <= millis + WINDOW_MILLIS;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static String sign(String secret, String timestamp) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
			byte[] signature = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The JDK's " + ALGORITHM + " is not available", ex);
		}
	}

}
