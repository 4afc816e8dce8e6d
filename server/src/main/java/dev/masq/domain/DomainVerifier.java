package dev.masq.domain;

import dev.masq.senderauth.DnsAnswer;
import dev.masq.senderauth.DnsLookup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xbill.DNS.Type;

/**
 * Checks a domain's records through the configured resolver, asking afresh each time: the owner has just
 * published them, and a cached "no such record" would hide them for minutes. A resolver that fails counts as
 * missing: the domain must be provably ours before it takes mail.
 */
public final class DomainVerifier {
    private final DnsLookup dns;
    private final String hostname;

    public DomainVerifier(DnsLookup dns, String hostname) {
        this.dns = dns;
        this.hostname = bare(hostname);
    }

    /** Each record's outcome by purpose; empty for a subdomain of ours. */
    Map<String, DnsRecord.Check> check(Domain d) {
        Map<String, DnsRecord.Check> out = new LinkedHashMap<>();
        for (DnsRecord expected : DnsRecords.expected(d, hostname)) {
            out.put(expected.purpose(), switch (expected.purpose()) {
                case DnsRecord.OWNERSHIP -> exact(txt(expected.name()), expected.value(), DnsRecords.OWNERSHIP_PREFIX);
                case DnsRecord.MX -> mx(expected.name());
                case DnsRecord.SPF -> spf(expected.name());
                case DnsRecord.DKIM -> dkim(expected.name(), d.dkimPublicKey());
                case DnsRecord.DMARC -> present(txt(expected.name()), "v=dmarc1");
                default -> throw new IllegalStateException(expected.purpose());
            });
        }
        return out;
    }

    /** Ownership and MX right: the domain may receive mail. SPF, DKIM and DMARC are advice. */
    static boolean receives(Map<String, DnsRecord.Check> checks) {
        return ok(checks, DnsRecord.OWNERSHIP) && ok(checks, DnsRecord.MX);
    }

    private static boolean ok(Map<String, DnsRecord.Check> checks, String purpose) {
        DnsRecord.Check c = checks.get(purpose);
        return c != null && c.status().equals(DnsRecord.OK);
    }

    private List<String> txt(String name) {
        return values(dns.query(name, Type.TXT));
    }

    private static List<String> values(DnsAnswer answer) {
        return answer.outcome() == DnsAnswer.Outcome.FOUND ? answer.values() : List.of();
    }

    /** Ok when {@code expected} is among the values; wrong when only others of the same kind ({@code prefix}) are. */
    private static DnsRecord.Check exact(List<String> values, String expected, String prefix) {
        if (values.stream().anyMatch(v -> v.trim().equals(expected))) {
            return DnsRecord.Check.ok();
        }
        List<String> same = values.stream().filter(v -> v.trim().startsWith(prefix)).toList();
        return same.isEmpty() ? DnsRecord.Check.missing() : DnsRecord.Check.wrong(same);
    }

    private DnsRecord.Check mx(String name) {
        List<String> targets = values(dns.query(name, Type.MX)).stream().map(DomainVerifier::bare).toList();
        if (targets.contains(hostname)) {
            return DnsRecord.Check.ok();
        }
        return targets.isEmpty() ? DnsRecord.Check.missing() : DnsRecord.Check.wrong(targets);
    }

    /** Any SPF policy that lets our MX host send (its {@code mx} or our host name) will do. */
    private DnsRecord.Check spf(String name) {
        List<String> spf = txt(name).stream().filter(v -> v.toLowerCase(Locale.ROOT).startsWith("v=spf1")).toList();
        if (spf.isEmpty()) {
            return DnsRecord.Check.missing();
        }
        for (String policy : spf) {
            for (String term : policy.toLowerCase(Locale.ROOT).split("\\s+")) {
                String t = term.startsWith("+") ? term.substring(1) : term;
                if (t.equals("mx") || t.equals("a:" + hostname) || t.equals("mx:" + hostname) || t.equals("include:" + hostname)) {
                    return DnsRecord.Check.ok();
                }
            }
        }
        return DnsRecord.Check.wrong(spf);
    }

    private DnsRecord.Check dkim(String name, String publicKey) {
        List<String> keys = txt(name).stream().filter(v -> v.contains("p=")).toList();
        for (String key : keys) {
            for (String tag : key.split(";")) {
                String t = tag.replaceAll("\\s+", "");
                if (t.startsWith("p=") && t.substring(2).equals(publicKey)) {
                    return DnsRecord.Check.ok();
                }
            }
        }
        return keys.isEmpty() ? DnsRecord.Check.missing() : DnsRecord.Check.wrong(keys);
    }

    private static DnsRecord.Check present(List<String> values, String lowerPrefix) {
        return values.stream().anyMatch(v -> v.trim().toLowerCase(Locale.ROOT).startsWith(lowerPrefix))
                ? DnsRecord.Check.ok() : DnsRecord.Check.missing();
    }

    private static String bare(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
