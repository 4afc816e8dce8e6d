package dev.masq.webhook;

import java.io.IOException;
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
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The addresses of a webhook's host, asked afresh for every call (no cache: the point is to check what will be
 * connected to now). Through the configured resolver ({@code MASQ_DNS}) when there is one, as mail delivery does,
 * else the system's. An address literal is taken as it is.
 */
final class HostResolver {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final SimpleResolver dns;

    HostResolver(Optional<InetSocketAddress> dns) {
        this.dns = dns.map(HostResolver::simpleResolver).orElse(null);
    }

    private static SimpleResolver simpleResolver(InetSocketAddress server) {
        SimpleResolver r = new SimpleResolver(new InetSocketAddress(server.getHostString(), server.getPort()));
        r.setTimeout(TIMEOUT);
        return r;
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
        Message response;
        try {
            Name name = Name.fromString(host, Name.root);
            response = dns.send(Message.newQuery(Record.newRecord(name, type, DClass.IN)));
        } catch (TextParseException e) {
            throw new UnknownHostException(host);
        } catch (IOException e) {
            throw new UnknownHostException(host + ": " + e.getMessage());
        }
        if (response.getRcode() != Rcode.NOERROR && response.getRcode() != Rcode.NXDOMAIN) {
            throw new UnknownHostException(host + ": " + Rcode.string(response.getRcode()));
        }
        List<InetAddress> found = new ArrayList<>();
        for (Record r : response.getSection(Section.ANSWER)) {
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
