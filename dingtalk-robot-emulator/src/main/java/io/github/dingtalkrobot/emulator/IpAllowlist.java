package io.github.dingtalkrobot.emulator;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The addresses a robot accepts requests from (DingTalk's IP地址(段) security setting):
 * single IPv4 or IPv6 addresses and CIDR ranges such as {@code 10.0.0.0/8} or
 * {@code fd00::/8}. An empty allowlist accepts every address.
 */
final class IpAllowlist {

	static final IpAllowlist ANY = new IpAllowlist(List.of(), List.of());

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private final List<String> entries;

	private final List<Range> ranges;

	private IpAllowlist(List<String> entries, List<Range> ranges) {
		this.entries = entries;
		this.ranges = ranges;
	}

	/**
	 * Parse addresses and CIDR ranges.
	 * @param entries the addresses and ranges
	 * @return the allowlist
	 * @throws IllegalArgumentException if an entry is not an IP address or a CIDR range
	 */
	static IpAllowlist of(String... entries) {
		return new IpAllowlist(List.of(entries), Arrays.stream(entries).map(IpAllowlist::parse).toList());
	}

	List<String> entries() {
		return this.entries;
	}

	boolean allows(InetAddress address) {
		return this.ranges.isEmpty() || this.ranges.stream().anyMatch((range) -> range.contains(address));
	}

	private static Range parse(String entry) {
		int slash = entry.indexOf('/');
		String host = (slash >= 0) ? entry.substring(0, slash) : entry;
		byte[] network = literalAddress(host, entry);
		int bits = network.length * 8;
		int prefix = (slash >= 0) ? prefixLength(entry.substring(slash + 1), bits, entry) : bits;
		return new Range(network, prefix);
	}

	private static byte[] literalAddress(String host, String entry) {
		// Only literals: a host name would make InetAddress ask DNS
		if (!IPV4.matcher(host).matches() && !host.contains(":")) {
			throw notAnAddress(entry);
		}
		try {
			return InetAddress.getByName(host).getAddress();
		}
		catch (UnknownHostException ex) {
			throw notAnAddress(entry);
		}
	}

	private static int prefixLength(String prefix, int bits, String entry) {
		try {
			int length = Integer.parseInt(prefix);
			if (length >= 0 && length <= bits) {
				return length;
			}
		}
		catch (NumberFormatException ex) {
			// Reported below, with the entry
		}
		throw new IllegalArgumentException(
				"'" + entry + "' has an invalid prefix length: it must be between 0 and " + bits);
	}

	private static IllegalArgumentException notAnAddress(String entry) {
		return new IllegalArgumentException("'" + entry + "' is neither an IP address nor a CIDR range");
	}

	@Override
	public String toString() {
		return this.entries.toString();
	}

	private record Range(byte[] network, int prefixLength) {

		boolean contains(InetAddress address) {
			byte[] candidate = address.getAddress();
			if (candidate.length != this.network.length) {
				return false;
			}
			int fullBytes = this.prefixLength / 8;
			for (int i = 0; i < fullBytes; i++) {
				if (candidate[i] != this.network[i]) {
					return false;
				}
			}
			int remainingBits = this.prefixLength % 8;
			if (remainingBits == 0) {
				return true;
			}
			int mask = (0xFF << (8 - remainingBits)) & 0xFF;
			return (candidate[fullBytes] & mask) == (this.network[fullBytes] & mask);
		}

	}

}
