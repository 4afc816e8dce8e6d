package dev.masq.senderauth;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.james.jspf.core.DNSRequest;
import org.apache.james.jspf.core.DNSService;
import org.apache.james.jspf.core.exceptions.TimeoutException;
import org.apache.james.jspf.impl.SPF;
import org.xbill.DNS.Type;

/**
 * SPF (RFC 7208) with Apache jSPF, asking DNS through {@link DnsLookup}. Blocking. Mail from one sender
 * comes in runs (a newsletter to many aliases), so a result is kept for {@link #KEEP} per client
 * address, envelope sender and HELO name rather than evaluated again for every message; a temporary
 * error is never kept.
 */
final class SpfCheck {
    static final Duration KEEP = Duration.ofSeconds(30);
    private static final int MAX_KEPT = 10_000;

    private final SPF spf;
    private final LongSupplier nanoTime;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    private record Kept(SpfResult result, long untilNanos) {
    }

    SpfCheck(DnsLookup dns, String localHostname) {
        this(dns, localHostname, System::nanoTime);
    }

    SpfCheck(DnsLookup dns, String localHostname, LongSupplier nanoTime) {
        this.spf = new SPF(new JspfDns(dns, localHostname));
        this.nanoTime = nanoTime;
    }

    /**
     * @param mailFrom the envelope sender; empty for the null reverse path, when SPF checks the HELO name
     */
    SpfResult check(String clientIp, String mailFrom, String helo) {
        String key = clientIp + ' ' + mailFrom + ' ' + helo;
        long now = nanoTime.getAsLong();
        Kept hit = kept.get(key);
        if (hit != null && now - hit.untilNanos() < 0) {
            return hit.result();
        }
        SpfResult result = evaluate(clientIp, mailFrom, helo);
        if (result != SpfResult.TEMPERROR) {
            if (kept.size() >= MAX_KEPT) {
                kept.clear();
            }
            kept.put(key, new Kept(result, now + KEEP.toNanos()));
        }
        return result;
    }

    private SpfResult evaluate(String clientIp, String mailFrom, String helo) {
        try {
            return SpfResult.fromJspf(spf.checkSPF(clientIp, mailFrom, helo).getResult());
        } catch (RuntimeException e) {
            // jSPF ends an evaluation it cannot classify with an exception; that is the sender's
            // broken record or our resolver, never proof of forgery.
            return SpfResult.TEMPERROR;
        }
    }

    /** jSPF's view of DNS: {@code null} for no records, {@link TimeoutException} for a temporary failure. */
    private record JspfDns(DnsLookup dns, String localHostname) implements DNSService {
        @Override
        public List<String> getRecords(DNSRequest request) throws TimeoutException {
            DnsAnswer answer = dns.query(request.getHostname(), type(request.getRecordType()));
            if (answer.isTemporaryFailure()) {
                throw new TimeoutException("DNS lookup of " + request + " failed temporarily");
            }
            return answer.values().isEmpty() ? null : answer.values();
        }

        @Override
        public CompletionStage<List<String>> getRecordsAsync(DNSRequest request) {
            try {
                return CompletableFuture.completedFuture(getRecords(request));
            } catch (TimeoutException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public List<String> getLocalDomainNames() {
            return List.of(localHostname);
        }

        @Override
        public void setTimeOut(int seconds) {
            // the timeout is DnsLookup's, set once from the configuration
        }

        @Override
        public int getRecordLimit() {
            return 10;
        }

        @Override
        public void setRecordLimit(int recordLimit) {
            // RFC 7208's limit of 10 MX/PTR names is fixed
        }

        private static int type(int jspfType) {
            return switch (jspfType) {
                case DNSRequest.A -> Type.A;
                case DNSRequest.AAAA -> Type.AAAA;
                case DNSRequest.MX -> Type.MX;
                case DNSRequest.PTR -> Type.PTR;
                case DNSRequest.SPF -> Type.SPF;
                default -> Type.TXT;
            };
        }
    }
}
