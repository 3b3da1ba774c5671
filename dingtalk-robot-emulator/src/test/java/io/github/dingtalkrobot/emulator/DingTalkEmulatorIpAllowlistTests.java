package io.github.dingtalkrobot.emulator;

import io.github.dingtalkrobot.emulator.WebhookClient.Answer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the IP allowlist of robots registered with a {@link DingTalkEmulator}, over
 * HTTP from 127.0.0.1.
 */
class DingTalkEmulatorIpAllowlistTests {

	@AutoClose
	final DingTalkEmulator emulator = DingTalkEmulator.builder().build().start();

	private final EmulatedRobot ops = this.emulator.registerRobot("ops", "token-ops");

	@Test
	void requestFromOutsideTheAllowlistIsRefusedWithTheAddress() {
		this.ops.allowedAddresses("10.0.0.0/8", "::1");
		Answer answer = WebhookClient.post(this.ops.webhook(), WebhookClient.text("hi"));
		assertThat(answer.errcode()).isEqualTo(310000);
		assertThat(answer.errmsg()).isEqualTo("ip 127.0.0.1 not in whitelist");
		assertThat(this.ops.requests()).singleElement().satisfies((request) -> {
			assertThat(request.delivered()).isFalse();
			assertThat(request.errmsg()).isEqualTo("ip 127.0.0.1 not in whitelist");
		});
	}

	@Test
	void requestFromAnAllowedRangeIsDelivered() {
		this.ops.allowedAddresses("10.0.0.0/8", "127.0.0.0/8");
		assertThat(WebhookClient.post(this.ops.webhook(), WebhookClient.text("hi")).errcode()).isZero();
		assertThat(this.ops.receivedMessages()).hasSize(1);
	}

	@Test
	void emptyAllowlistAcceptsAnyAddressAgain() {
		this.ops.allowedAddresses("10.0.0.0/8");
		this.ops.allowedAddresses(new String[0]);
		assertThat(this.ops.allowedAddresses()).isEmpty();
		assertThat(WebhookClient.post(this.ops.webhook(), WebhookClient.text("hi")).errcode()).isZero();
	}

	@Test
	void robotRefusesAnInvalidAllowlistEntry() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.ops.allowedAddresses("10.0.0.0/8", "ops-host"))
			.withMessageContaining("'ops-host' is neither an IP address nor a CIDR range");
	}

	@Test
	void robotDescribesItsAllowlist() {
		this.ops.allowedAddresses("127.0.0.1");
		assertThat(this.ops)
			.hasToString("EmulatedRobot[name=ops, signed=false, keywords=[], allowedAddresses=[127.0.0.1]]");
	}

}
