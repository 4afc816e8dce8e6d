package dev.masq.leak;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Blocking DNS queries for sender authentication, through the configured resolver ({@code MASQ_DNS})
 * or the system's. Every answer is asked for afresh: caching is the recursive resolver's job, and
 * a process-wide cache (dnsjava's {@code Lookup}) would outlive the records tests publish.
 */
public final class DnsLookup {
    private static final int EDNS_PAYLOAD = 1232;
    private final Resolver resolver;

    private DnsLookup(Resolver resolver) {
        this.resolver = resolver;
    }

    public static DnsLookup using(Optional<InetSocketAddress> server, Duration timeout) {
        Resolver resolver;
        if (server.isPresent()) {
            InetSocketAddress s = server.get();
            SimpleResolver simple = new SimpleResolver(new InetSocketAddress(s.getHostString(), s.getPort()));
            // DKIM keys exceed the 512 bytes of plain DNS over UDP; EDNS avoids a TCP retry.
            simple.setEDNS(0, EDNS_PAYLOAD, 0, List.of());
            resolver = simple;
        } else {
            resolver = new ExtendedResolver();
        }
        resolver.setTimeout(timeout);
        return new DnsLookup(resolver);
    }

    /** Records of {@code type} at {@code name}: TXT strings joined, addresses and host names as text. */
    public DnsAnswer query(String name, int type) {
        Message query;
        try {
            query = Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), type, DClass.IN));
        } catch (TextParseException e) {
            return DnsAnswer.none();
        }
        Message response;
        try {
            response = resolver.send(query);
        } catch (IOException e) {
            return DnsAnswer.temporaryFailure();
        }
        return switch (response.getRcode()) {
            case Rcode.NXDOMAIN -> DnsAnswer.none();
            case Rcode.NOERROR -> DnsAnswer.found(values(response, type));
            default -> DnsAnswer.temporaryFailure();
        };
    }

    private static List<String> values(Message response, int type) {
        List<String> values = new ArrayList<>();
        for (Record r : response.getSection(Section.ANSWER)) {
            if (r.getType() != type) {
                continue;
            }
            switch (r) {
                case TXTRecord txt -> values.add(String.join("", txt.getStrings()));
                case ARecord a -> values.add(a.getAddress().getHostAddress());
                case AAAARecord aaaa -> values.add(aaaa.getAddress().getHostAddress());
                case MXRecord mx -> values.add(mx.getTarget().toString(true));
                case PTRRecord ptr -> values.add(ptr.getTarget().toString(true));
                default -> values.add(r.rdataToString());
            }
        }
        return values;
    }
}
