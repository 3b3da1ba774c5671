package io.github.dingtalkrobot.internal.webhook;

import java.io.IOException;
import java.net.ConnectException;

import org.junit.jupiter.api.Test;

import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Masking secrets in text and choosing causes that are safe to keep.
 */
class SecretRedactorTests {

	private final SecretRedactor redactor = new SecretRedactor("t0ken", "SECret", null, "");

	@Test
	void secretsAndSecretQueryValuesAreMasked() {
		assertThat(
				this.redactor.redact("POST \"http://h/send?access_token=other&timestamp=1&sign=a%2Bb\": t0ken SECret"))
			.isEqualTo("POST \"http://h/send?access_token=******&timestamp=1&sign=******\": ****** ******");
	}

	@Test
	void wordsEndingInSignAreNotMasked() {
		assertThat(this.redactor.redact("design=flat")).isEqualTo("design=flat");
	}

	@Test
	void springWrapperNamingTheUrlIsDroppedAndTheRootCauseKept() {
		ConnectException root = new ConnectException("Connection refused");
		ResourceAccessException wrapper = new ResourceAccessException(
				"I/O error on POST request for \"http://h/send?access_token=t0ken\": Connection refused", root);
		assertThat(this.redactor.safeCause(wrapper)).isSameAs(root);
	}

	@Test
	void noCauseIsKeptWhenTheRootRevealsASecret() {
		IOException root = new IOException("refused: SECret");
		assertThat(this.redactor.safeCause(new IOException("wrapped", root))).isNull();
	}

	@Test
	void suppressedExceptionsAreCheckedToo() {
		IOException exception = new IOException("failed");
		exception.addSuppressed(new IOException("sign=abc"));
		assertThat(this.redactor.safeCause(exception)).isNull();
	}

}
