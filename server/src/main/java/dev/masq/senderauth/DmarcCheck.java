package dev.masq.senderauth;

import java.util.List;
import java.util.Optional;
import org.xbill.DNS.Type;

/**
 * Our DMARC evaluation (RFC 7489): the policy from {@code _dmarc} TXT at the From domain or else its
 * organizational domain, and whether a passing SPF or DKIM identity aligns with the From domain,
 * relaxed (same registrable domain) or strict (same name). Blocking.
 */
final class DmarcCheck {
    private final DnsLookup dns;

    DmarcCheck(DnsLookup dns) {
        this.dns = dns;
    }

    DmarcResult evaluate(String fromDomain, SpfResult spf, String spfDomain, List<DkimResult> dkim) {
        String organizational = Domains.registrable(fromDomain);
        DnsAnswer own = dns.query("_dmarc." + fromDomain, Type.TXT);
        if (own.isTemporaryFailure()) {
            return DmarcResult.unknown();
        }
        Optional<DmarcRecord> record = DmarcRecord.select(own.values());
        boolean subdomain = false;
        if (record.isEmpty() && !organizational.equals(fromDomain)) {
            DnsAnswer parent = dns.query("_dmarc." + organizational, Type.TXT);
            if (parent.isTemporaryFailure()) {
                return DmarcResult.unknown();
            }
            record = DmarcRecord.select(parent.values());
            subdomain = true;
        }
        if (record.isEmpty()) {
            return new DmarcResult(DmarcResult.Status.NONE, null);
        }
        DmarcRecord r = record.get();
        String policy = subdomain ? r.subdomainPolicy() : r.policy();
        if (spf == SpfResult.PASS && aligned(spfDomain, fromDomain, r.strictSpf())) {
            return new DmarcResult(DmarcResult.Status.PASS, policy);
        }
        boolean dkimTemporary = false;
        for (DkimResult d : dkim) {
            if (d.domain() != null && aligned(d.domain(), fromDomain, r.strictDkim())) {
                if (d.status() == DkimResult.Status.PASS) {
                    return new DmarcResult(DmarcResult.Status.PASS, policy);
                }
                dkimTemporary |= d.status() == DkimResult.Status.TEMPERROR;
            }
        }
        // An aligned identity we could not check might have passed (RFC 7489 §6.6.2 step 5).
        boolean spfTemporary = spf == SpfResult.TEMPERROR && aligned(spfDomain, fromDomain, r.strictSpf());
        return spfTemporary || dkimTemporary ? DmarcResult.unknown() : new DmarcResult(DmarcResult.Status.FAIL, policy);
    }

    private static boolean aligned(String identity, String fromDomain, boolean strict) {
        if (identity == null) {
            return false;
        }
        return strict ? identity.equals(fromDomain) : Domains.registrable(identity).equals(Domains.registrable(fromDomain));
    }
}
