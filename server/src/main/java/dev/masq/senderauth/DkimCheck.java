package dev.masq.senderauth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
    private static final byte[] SIGNATURE_FIELD = "dkim-signature".getBytes(StandardCharsets.US_ASCII);

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
        // Most mail carries no signature; jDKIM would still parse the whole message (and look its
        // MIME parser up on the class path) to find that out.
        if (!hasSignatureField(message)) {
            return List.of();
        }
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

    /** Whether a header field (before the first empty line) is named DKIM-Signature, in any case. */
    static boolean hasSignatureField(byte[] message) {
        int line = 0;
        while (line < message.length && message[line] != '\r' && message[line] != '\n') {
            if (startsWithFieldName(message, line)) {
                return true;
            }
            while (line < message.length && message[line++] != '\n') {
                // to the start of the next line
            }
        }
        return false;
    }

    private static boolean startsWithFieldName(byte[] m, int from) {
        if (m.length - from < SIGNATURE_FIELD.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE_FIELD.length; i++) {
            if (Character.toLowerCase(m[from + i]) != SIGNATURE_FIELD[i]) {
                return false;
            }
        }
        int i = from + SIGNATURE_FIELD.length;
        while (i < m.length && (m[i] == ' ' || m[i] == '\t')) {
            i++; // obsolete syntax allows white space before the colon
        }
        return i < m.length && m[i] == ':';
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
