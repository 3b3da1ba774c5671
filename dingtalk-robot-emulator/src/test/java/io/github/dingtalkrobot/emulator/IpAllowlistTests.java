package io.github.dingtalkrobot.emulator;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link IpAllowlist}.
 */
class IpAllowlistTests {

	@Test
	void emptyAllowlistAllowsEveryAddress() throws UnknownHostException {
		assertThat(IpAllowlist.of().allows(address("203.0.113.7"))).isTrue();
		assertThat(IpAllowlist.of().allows(address("2001:db8::1"))).isTrue();
	}

	@Test
	void singleIpv4AddressAllowsOnlyItself() throws UnknownHostException {
		IpAllowlist allowlist = IpAllowlist.of("192.0.2.10");
		assertThat(allowlist.allows(address("192.0.2.10"))).isTrue();
		assertThat(allowlist.allows(address("192.0.2.11"))).isFalse();
	}

	@Test
	void ipv4RangeAllowsAddressesWithinItsPrefix() throws UnknownHostException {
		IpAllowlist allowlist = IpAllowlist.of("10.1.16.0/20");
		assertThat(allowlist.allows(address("10.1.16.0"))).isTrue();
		assertThat(allowlist.allows(address("10.1.31.255"))).isTrue();
		assertThat(allowlist.allows(address("10.1.32.0"))).isFalse();
		assertThat(allowlist.allows(address("10.1.15.255"))).isFalse();
	}

	@Test
	void zeroPrefixAllowsEveryAddressOfItsFamily() throws UnknownHostException {
		IpAllowlist allowlist = IpAllowlist.of("0.0.0.0/0");
		assertThat(allowlist.allows(address("198.51.100.1"))).isTrue();
		assertThat(allowlist.allows(address("::1"))).isFalse();
	}

	@Test
	void ipv6AddressAndRangeAllowTheirAddresses() throws UnknownHostException {
		IpAllowlist allowlist = IpAllowlist.of("::1", "2001:db8:abcd::/48");
		assertThat(allowlist.allows(address("0:0:0:0:0:0:0:1"))).isTrue();
		assertThat(allowlist.allows(address("2001:db8:abcd:12::5"))).isTrue();
		assertThat(allowlist.allows(address("2001:db8:abce::5"))).isFalse();
		assertThat(allowlist.allows(address("127.0.0.1"))).isFalse();
	}

	@Test
	void allowlistKeepsItsEntriesAsGiven() {
		assertThat(IpAllowlist.of("127.0.0.1", "fd00::/8").entries()).containsExactly("127.0.0.1", "fd00::/8");
	}

	@Test
	void hostNameIsNotAnEntry() {
		assertThatIllegalArgumentException().isThrownBy(() -> IpAllowlist.of("localhost"))
			.withMessage("'localhost' is neither an IP address nor a CIDR range");
	}

	@Test
	void malformedAddressIsNotAnEntry() {
		assertThatIllegalArgumentException().isThrownBy(() -> IpAllowlist.of("300.1.2.3"))
			.withMessageContaining("'300.1.2.3'");
	}

	@Test
	void prefixLongerThanTheAddressIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> IpAllowlist.of("10.0.0.0/33"))
			.withMessage("'10.0.0.0/33' has an invalid prefix length: it must be between 0 and 32");
		assertThatIllegalArgumentException().isThrownBy(() -> IpAllowlist.of("::/129"))
			.withMessageContaining("between 0 and 128");
		assertThatIllegalArgumentException().isThrownBy(() -> IpAllowlist.of("10.0.0.0/x"))
			.withMessageContaining("invalid prefix length");
	}

	private static InetAddress address(String literal) throws UnknownHostException {
		return InetAddress.getByName(literal);
	}

}
