package dev.masq.domain;

import java.util.List;
import java.util.Map;

/**
 * The records the owner of a domain publishes: ownership and MX make it receive mail; SPF, DKIM and DMARC let
 * what masq sends as it pass the receivers' checks. A subdomain of ours needs none: the operator's wildcard MX
 * and DNS serve it.
 */
final class DnsRecords {
    static final String OWNERSHIP_PREFIX = "masq-verification=";
    static final String DKIM_PREFIX = "v=DKIM1; k=rsa; p=";

    private DnsRecords() {
    }

    static List<DnsRecord> expected(Domain d, String hostname) {
        if (d.subdomain()) {
            return List.of();
        }
        String name = d.name();
        return List.of(
                record(DnsRecord.OWNERSHIP, "TXT", name, OWNERSHIP_PREFIX + d.ownershipToken()),
                record(DnsRecord.MX, "MX", name, "10 " + hostname + "."),
                record(DnsRecord.SPF, "TXT", name, "v=spf1 mx ~all"),
                record(DnsRecord.DKIM, "TXT", d.dkimSelector() + "._domainkey." + name, DKIM_PREFIX + d.dkimPublicKey()),
                record(DnsRecord.DMARC, "TXT", "_dmarc." + name, "v=DMARC1; p=quarantine; adkim=r; aspf=r"));
    }

    /** The expected records, each with the outcome of its last check (missing until checked). */
    static List<DnsRecord> withChecks(Domain d, String hostname, Map<String, DnsRecord.Check> checks) {
        return expected(d, hostname).stream().map(r -> r.checked(checks.get(r.purpose()))).toList();
    }

    private static DnsRecord record(String purpose, String type, String name, String value) {
        return new DnsRecord(purpose, type, name, value, DnsRecord.MISSING, List.of());
    }
}
