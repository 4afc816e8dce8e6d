package dev.masq.leak;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which of a person's vendors leaked their address, and since when.
 *
 * @param aliases every alias that is not clean, oldest leak first
 * @param vendors the same, summed up per vendor, vendor with the oldest leak first
 * @param writtenAfterBurn burned aliases never found leaking that mail still tries to reach, latest first: a
 *                         refusal at RCPT tells only an unauthenticated envelope domain, so it does not make an
 *                         alias suspected, but the person should see who still has the address
 */
public record LeakReport(List<AliasLeak> aliases, List<VendorSummary> vendors, List<AliasLeak> writtenAfterBurn) {
    /** How the summary names aliases whose vendor nobody told us. */
    public static final String UNKNOWN_VENDOR = "(unknown vendor)";

    /** @param aliases the leaks, oldest first */
    static LeakReport of(List<AliasLeak> aliases, List<AliasLeak> writtenAfterBurn) {
        Map<String, List<AliasLeak>> byVendor = new LinkedHashMap<>();
        for (AliasLeak a : aliases) {
            String vendor = a.vendor() == null ? UNKNOWN_VENDOR : a.vendor();
            byVendor.computeIfAbsent(vendor.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(a);
        }
        List<VendorSummary> vendors = new ArrayList<>();
        for (List<AliasLeak> group : byVendor.values()) {
            AliasLeak oldest = group.getFirst();
            TreeSet<String> domains = new TreeSet<>();
            group.forEach(a -> a.foreignDomains().forEach(d -> domains.add(d.domain())));
            int leaked = (int) group.stream().filter(a -> a.status() == LeakStatus.LEAKED).count();
            vendors.add(new VendorSummary(oldest.vendor() == null ? UNKNOWN_VENDOR : oldest.vendor(), group.size(),
                    leaked, group.size() - leaked, oldest.since(), List.copyOf(domains)));
        }
        return new LeakReport(List.copyOf(aliases), List.copyOf(vendors), List.copyOf(writtenAfterBurn));
    }

    /**
     * @param foreignDomains distinct foreign domains over all the vendor's aliases, alphabetically
     */
    public record VendorSummary(String vendor, int aliases, int leaked, int suspected, Instant since,
                                List<String> foreignDomains) {
    }
}
