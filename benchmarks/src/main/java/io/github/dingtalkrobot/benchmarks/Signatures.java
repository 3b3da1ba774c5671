package io.github.dingtalkrobot.benchmarks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook as DingTalk's documentation shows, for the clients that do not sign by
 * themselves.
 */
final class Signatures {

	private Signatures() {
	}

	/**
	 * Return the webhook with the {@code timestamp} and {@code sign} of now.
	 * @param webhook the webhook
	 * @param secret the robot's secret
	 * @return the signed webhook
	 */
	static String sign(String webhook, String secret) {
		try {
			long timestamp = System.currentTimeMillis();
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] signature = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
			String sign = URLEncoder.encode(Base64.getEncoder().encodeToString(signature), StandardCharsets.UTF_8);
			return webhook + "&timestamp=" + timestamp + "&sign=" + sign;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
