package dev.masq.webhook;

import dev.masq.common.DnsClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The addresses of a webhook's host, asked afresh for every call (no cache: the point is to check what will be
 * connected to now). Through the configured resolver ({@code MASQ_DNS}) when there is one, as mail delivery does,
 * else the system's. An address literal is taken as it is.
 */
final class HostResolver {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final DnsClient dns;

    HostResolver(Optional<InetSocketAddress> dns) {
        this.dns = dns.map(server -> DnsClient.uncached(Optional.of(server), TIMEOUT)).orElse(null);
    }

    /** Every address of {@code host} (a name, or a literal such as {@code 192.0.2.1} or {@code [2001:db8::1]}). */
    List<InetAddress> resolve(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (Address.isDottedQuad(bare) || bare.contains(":")) {
            return List.of(Address.getByAddress(bare));
        }
        if (dns == null) {
            return List.of(InetAddress.getAllByName(bare));
        }
        List<InetAddress> addresses = new ArrayList<>();
        addresses.addAll(ask(bare, Type.A));
        addresses.addAll(ask(bare, Type.AAAA));
        if (addresses.isEmpty()) {
            throw new UnknownHostException(host);
        }
        return addresses;
    }

    private List<InetAddress> ask(String host, int type) throws UnknownHostException {
        DnsClient.Response response = dns.query(host, type);
        if (response.status() == DnsClient.Response.Status.FAILED) {
            throw new UnknownHostException(host + ": DNS lookup failed");
        }
        List<InetAddress> found = new ArrayList<>();
        for (Record r : response.records()) {
            switch (r) {
                case ARecord a -> found.add(a.getAddress());
                case AAAARecord aaaa -> found.add(aaaa.getAddress());
                default -> {
                }
            }
        }
        return found;
    }
}
