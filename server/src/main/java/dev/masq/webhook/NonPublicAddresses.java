package dev.masq.webhook;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * The addresses a webhook must never reach: every block of the IANA IPv4 and IPv6 special-purpose address registries
 * that is not globally reachable (RFC 6890 and its updates), plus multicast, the reserved 240/4 and broadcast.
 * An IPv6 address that only carries an IPv4 one, IPv4-mapped ({@code ::ffff:0:0/96}) or the well-known NAT64 prefix
 * ({@code 64:ff9b::/96}, which DNS64 resolvers synthesise for every IPv4-only host), is judged by the IPv4 address
 * it leads to. The deprecated transition blocks (IPv4-compatible {@code ::/96}, 6to4 {@code 2002::/16}, and all of
 * {@code 2001::/23} with Teredo) are refused whole, whatever they embed: no webhook receiver lives there, and each can
 * tunnel to an IPv4 address of the operator's network.
 */
final class NonPublicAddresses {
    private record Block(byte[] prefix, int bits) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            if (!Arrays.equals(address, 0, whole, prefix, 0, whole)) {
                return false;
            }
            int rest = bits % 8;
            int mask = (0xff << (8 - rest)) & 0xff;
            return rest == 0 || (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    private static final List<Block> IPV4 = blocks(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4", "255.255.255.255/32");

    // ::/96 holds the unspecified :: and the loopback ::1 as well as the IPv4-compatible addresses.
    private static final List<Block> IPV6 = blocks(
            "::/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32", "2002::/16",
            "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8");
    // Written out: Java turns the literal ::ffff:0:0 into the IPv4 address 0.0.0.0.
    private static final Block MAPPED = new Block(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0}, 96);
    private static final Block NAT64 = block("64:ff9b::/96");

    private NonPublicAddresses() {
    }

    static boolean contains(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return IPV4.stream().anyMatch(block -> block.contains(b));
        }
        if (MAPPED.contains(b) || NAT64.contains(b)) {
            return contains(ipv4(Arrays.copyOfRange(b, 12, 16)));
        }
        return IPV6.stream().anyMatch(block -> block.contains(b));
    }

    private static InetAddress ipv4(byte[] bytes) {
        try {
            return Inet4Address.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Block> blocks(String... cidrs) {
        return Arrays.stream(cidrs).map(NonPublicAddresses::block).toList();
    }

    private static Block block(String cidr) {
        int slash = cidr.indexOf('/');
        try {
            // Literals only: getByName resolves nothing for them.
            return new Block(InetAddress.getByName(cidr.substring(0, slash)).getAddress(), Integer.parseInt(cidr.substring(slash + 1)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
    }
}
