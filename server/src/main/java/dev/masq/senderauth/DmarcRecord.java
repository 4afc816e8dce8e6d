package dev.masq.senderauth;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The tags of a {@code _dmarc} TXT record that decide a message's result: policies and alignment modes. */
record DmarcRecord(String policy, String subdomainPolicy, boolean strictDkim, boolean strictSpf) {

    /** The single DMARC record among the TXT strings at {@code _dmarc.<domain>}; none if zero or several. */
    static Optional<DmarcRecord> select(List<String> txt) {
        List<DmarcRecord> records = txt.stream().map(DmarcRecord::parse).flatMap(Optional::stream).toList();
        return records.size() == 1 ? Optional.of(records.getFirst()) : Optional.empty();
    }

    static Optional<DmarcRecord> parse(String txt) {
        Map<String, String> tags = new HashMap<>();
        String[] parts = txt.split(";");
        for (String part : parts) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                tags.putIfAbsent(part.substring(0, eq).strip().toLowerCase(Locale.ROOT),
                        part.substring(eq + 1).strip().toLowerCase(Locale.ROOT));
            }
        }
        // RFC 7489 §6.3: v=DMARC1 must come first, or the record is not DMARC at all.
        if (!parts[0].strip().replace(" ", "").equalsIgnoreCase("v=DMARC1")) {
            return Optional.empty();
        }
        String p = policyOrNone(tags.get("p"));
        return Optional.of(new DmarcRecord(p, tags.containsKey("sp") ? policyOrNone(tags.get("sp")) : p,
                "s".equals(tags.get("adkim")), "s".equals(tags.get("aspf"))));
    }

    private static String policyOrNone(String p) {
        return "quarantine".equals(p) || "reject".equals(p) ? p : "none";
    }
}
