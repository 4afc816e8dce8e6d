package dev.masq.common;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;

/**
 * Blocking DNS queries through the configured resolver ({@code MASQ_DNS}) or the system's, for everything in
 * masq that asks DNS. Answers are kept for their TTL (at most five minutes; "no such name" or "no such record"
 * for the zone's negative TTL), since mail from one domain comes in runs; temporary failures are never kept.
 * The cache belongs to this instance, not the process (dnsjava's {@code Lookup} cache would be shared).
 */
public final class DnsClient {
    private static final int EDNS_PAYLOAD = 1232;
    private static final long MAX_TTL_SECONDS = 300;
    private static final long DEFAULT_NEGATIVE_TTL_SECONDS = 60;
    private static final int MAX_CACHED = 50_000;

    private final Resolver resolver;
    private final boolean caching;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** What a query found. {@code records} are those of the type asked for (a CNAME chain's end), possibly none. */
    public record Response(Status status, List<Record> records) {
        public enum Status { ANSWERED, NO_SUCH_NAME, FAILED }
    }

    private record Cached(Response response, long expiresAtNanos) {
    }

    private DnsClient(Resolver resolver, boolean caching) {
        this.resolver = resolver;
        this.caching = caching;
    }

    public static DnsClient using(Optional<InetSocketAddress> server, Duration timeout) {
        return new DnsClient(resolver(server, timeout), true);
    }

    /** Asks afresh every time, for a caller that must check what an address is now (a webhook's host). */
    public static DnsClient uncached(Optional<InetSocketAddress> server, Duration timeout) {
        return new DnsClient(resolver(server, timeout), false);
    }

    private static Resolver resolver(Optional<InetSocketAddress> server, Duration timeout) {
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
        return resolver;
    }

    /** The records of {@code type} at {@code name}; a name that is not one is answered as not existing. */
    public Response query(String name, int type) {
        String key = type + " " + name.toLowerCase(Locale.ROOT);
        long now = System.nanoTime();
        Cached hit = caching ? cache.get(key) : null;
        if (hit != null && now - hit.expiresAtNanos() < 0) {
            return hit.response();
        }
        Message query;
        try {
            query = Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), type, DClass.IN));
        } catch (TextParseException e) {
            return new Response(Response.Status.NO_SUCH_NAME, List.of());
        }
        Message message;
        try {
            message = resolver.send(query);
        } catch (IOException e) {
            return new Response(Response.Status.FAILED, List.of());
        }
        Response response = switch (message.getRcode()) {
            case Rcode.NXDOMAIN -> new Response(Response.Status.NO_SUCH_NAME, List.of());
            case Rcode.NOERROR -> new Response(Response.Status.ANSWERED,
                    message.getSection(Section.ANSWER).stream().filter(r -> r.getType() == type).toList());
            default -> new Response(Response.Status.FAILED, List.of());
        };
        if (caching && response.status() != Response.Status.FAILED) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(key, new Cached(response, now + TimeUnit.SECONDS.toNanos(ttlSeconds(message, response))));
        }
        return response;
    }

    /** The smallest TTL of the answer; for "no such name/record", the SOA's negative TTL (RFC 2308). */
    private static long ttlSeconds(Message message, Response response) {
        boolean found = !response.records().isEmpty();
        long ttl = found ? MAX_TTL_SECONDS : DEFAULT_NEGATIVE_TTL_SECONDS;
        for (Record r : message.getSection(found ? Section.ANSWER : Section.AUTHORITY)) {
            long t = r instanceof SOARecord soa ? Math.min(soa.getTTL(), soa.getMinimum()) : r.getTTL();
            ttl = Math.min(ttl, t);
        }
        return Math.min(ttl, MAX_TTL_SECONDS);
    }
}
