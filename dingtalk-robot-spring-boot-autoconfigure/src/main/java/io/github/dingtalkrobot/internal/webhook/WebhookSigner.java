package io.github.dingtalkrobot.internal.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook requests for robots with DingTalk's "加签" security setting.
 *
 * @since 0.1.0
 */
public final class WebhookSigner {

	private static final String ALGORITHM = "HmacSHA256";

	private WebhookSigner() {
	}

	/**
	 * Return the signature for a request sent at the given time: the standard Base64 of
	 * the HmacSHA256 of {@code timestamp + "\n" + secret}, keyed with the secret. The
	 * result is not URL-encoded yet.
	 * @param timestampMillis the time of the request in milliseconds since the epoch,
	 * also sent as the {@code timestamp} query parameter
	 * @param secret the robot's secret ({@code SEC...})
	 * @return the signature
	 */
	public static String sign(long timestampMillis, String secret) {
		byte[] key = secret.getBytes(StandardCharsets.UTF_8);
		byte[] data = (timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8);
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(key, ALGORITHM));
			return Base64.getEncoder().encodeToString(mac.doFinal(data));
		}
		catch (GeneralSecurityException ex) {
			// Every Java platform must provide HmacSHA256, so this is a broken JRE
			throw new IllegalStateException(ALGORITHM + " is not available", ex);
		}
	}

}
