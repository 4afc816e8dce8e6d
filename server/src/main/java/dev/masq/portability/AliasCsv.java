package dev.masq.portability;

import dev.masq.common.Csv;
import dev.masq.alias.Alias;
import dev.masq.leak.AliasLeak;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The aliases as CSV (RFC 4180), one row per alias, for a spreadsheet. Labels come from the person and from what
 * masq learned: a cell that a spreadsheet would run as a formula gets a leading quote (OWASP's advice on CSV
 * injection). Lists within a cell are space-separated.
 */
final class AliasCsv {
    static final String HEADER = "id,address,state,vendor,vendor_domains,note,display_name,inboxes,created_at,"
            + "forwarded,blocked,last_received_at,leak_status\r\n";

    private AliasCsv() {
    }

    static String row(Alias a, List<String> inboxes, AliasLeak leak) {
        List<String> cells = List.of(a.id(), a.address(), a.state().wire(), text(a.vendor()),
                a.vendorDomains().stream().map(Alias.VendorDomain::domain).collect(Collectors.joining(" ")),
                text(a.note()), text(a.displayName()), String.join(" ", inboxes), time(a.createdAt()),
                Long.toString(a.forwarded()), Long.toString(a.blocked()), time(a.lastReceivedAt()),
                leak == null ? "" : leak.status().wire());
        return Csv.row(cells);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String time(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
