package dev.masq.senderauth;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Blocking DNS queries for sender authentication, through the configured resolver ({@code MASQ_DNS})
 * or the system's. Answers are kept for their TTL (at most five minutes; "no such record" for the
 * zone's negative TTL), since mail from one sender domain comes in runs and each message would
 * otherwise cost the same SPF and DMARC round trips. Temporary failures are never kept. The cache
 * belongs to this instance, not the process (dnsjava's {@code Lookup} cache would be shared).
 */
public final class DnsLookup {
    private static final int EDNS_PAYLOAD = 1232;
    private static final long MAX_TTL_SECONDS = 300;
    private static final long DEFAULT_NEGATIVE_TTL_SECONDS = 60;
    private static final int MAX_CACHED = 50_000;

    private final Resolver resolver;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(DnsAnswer answer, long expiresAtNanos) {
    }

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
        String key = type + " " + name.toLowerCase(Locale.ROOT);
        Cached hit = cache.get(key);
        long now = System.nanoTime();
        if (hit != null && now - hit.expiresAtNanos() < 0) {
            return hit.answer();
        }
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
        DnsAnswer answer = switch (response.getRcode()) {
            case Rcode.NXDOMAIN -> DnsAnswer.none();
            case Rcode.NOERROR -> DnsAnswer.found(values(response, type));
            default -> DnsAnswer.temporaryFailure();
        };
        if (!answer.isTemporaryFailure()) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(key, new Cached(answer, now + TimeUnit.SECONDS.toNanos(ttlSeconds(response, answer))));
        }
        return answer;
    }

    /** The smallest TTL of the answer; for "no such record", the SOA's negative TTL (RFC 2308). */
    private static long ttlSeconds(Message response, DnsAnswer answer) {
        long ttl = answer.outcome() == DnsAnswer.Outcome.FOUND ? MAX_TTL_SECONDS : DEFAULT_NEGATIVE_TTL_SECONDS;
        int section = answer.outcome() == DnsAnswer.Outcome.FOUND ? Section.ANSWER : Section.AUTHORITY;
        for (Record r : response.getSection(section)) {
            long t = r instanceof SOARecord soa ? Math.min(soa.getTTL(), soa.getMinimum()) : r.getTTL();
            ttl = Math.min(ttl, t);
        }
        return Math.min(ttl, MAX_TTL_SECONDS);
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
