package dev.masq.leak;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.api.Result;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.apache.james.jdkim.exceptions.TempFailException;
import org.xbill.DNS.Type;

/** DKIM verification (RFC 6376) with Apache jDKIM; public keys come through {@link DnsLookup}. Blocking. */
final class DkimCheck {
    private final PublicKeyRecordRetriever keys;

    DkimCheck(DnsLookup dns) {
        this.keys = (method, selector, domain) -> {
            if (!"dns/txt".contentEquals(method)) {
                throw new PermFailException("unsupported key lookup method " + method);
            }
            DnsAnswer answer = dns.query(selector + "._domainkey." + domain, Type.TXT);
            if (answer.isTemporaryFailure()) {
                throw new TempFailException("DNS lookup of the key " + selector + " of " + domain + " failed");
            }
            return answer.values();
        };
    }

    /** One result per DKIM-Signature header; empty when the message has none. */
    List<DkimResult> verify(byte[] message) {
        // jDKIM collects results in the verifier, so each message gets its own.
        DKIMVerifier verifier = new DKIMVerifier(keys);
        try {
            verifier.verify(new ByteArrayInputStream(message));
        } catch (FailException e) {
            // no signature verified: the per-signature results below say why
        } catch (IOException | RuntimeException e) {
            return List.of(new DkimResult(null, DkimResult.Status.PERMERROR));
        }
        List<DkimResult> results = new ArrayList<>();
        for (Result r : verifier.getResults()) {
            CharSequence d = r.getRecord() == null ? null : r.getRecord().getDToken();
            String domain = d == null || "invalid".contentEquals(d) ? null : Domains.normalize(d.toString()).orElse(null);
            results.add(new DkimResult(domain, status(r.getResultType())));
        }
        return results;
    }

    private static DkimResult.Status status(Result.Type type) {
        return switch (type) {
            case PASS -> DkimResult.Status.PASS;
            case FAIL -> DkimResult.Status.FAIL;
            case TEMPERROR -> DkimResult.Status.TEMPERROR;
            default -> DkimResult.Status.PERMERROR;
        };
    }
}
