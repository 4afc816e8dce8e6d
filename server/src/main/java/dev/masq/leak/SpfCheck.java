package dev.masq.leak;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.james.jspf.core.DNSRequest;
import org.apache.james.jspf.core.DNSService;
import org.apache.james.jspf.core.exceptions.TimeoutException;
import org.apache.james.jspf.impl.SPF;
import org.xbill.DNS.Type;

/** SPF (RFC 7208) with Apache jSPF, asking DNS through {@link DnsLookup}. Blocking. */
final class SpfCheck {
    private final SPF spf;

    SpfCheck(DnsLookup dns, String localHostname) {
        this.spf = new SPF(new JspfDns(dns, localHostname));
    }

    /**
     * @param mailFrom the envelope sender; empty for the null reverse path, when SPF checks the HELO name
     */
    SpfResult check(String clientIp, String mailFrom, String helo) {
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
