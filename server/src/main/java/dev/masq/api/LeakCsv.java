package dev.masq.api;

import dev.masq.common.Csv;
import dev.masq.leak.AliasLeak;
import dev.masq.leak.ForeignDomain;
import dev.masq.leak.LeakReport;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The leak report as CSV (RFC 4180), one row per alias, for a spreadsheet. Sender domains and vendor
 * labels come from strangers and from the person: a cell that a spreadsheet would run as a formula
 * gets a leading quote (OWASP's advice on CSV injection).
 */
final class LeakCsv {
    static final String HEADER = "alias_id,address,vendor,vendor_domains,status,since,leaked_at,spam_reports,"
            + "foreign_domain_count,foreign_domains,vendor_spam,after_burn_total,after_burn_domains\r\n";

    private LeakCsv() {
    }

    static String render(LeakReport report) {
        StringBuilder sb = new StringBuilder(HEADER);
        for (AliasLeak l : report.aliases()) {
            String foreign = l.foreignDomains().stream().map(LeakCsv::describe).collect(Collectors.joining("; "));
            String afterBurn = l.afterBurn().domains().stream().map(d -> d.domain() + " (" + d.count() + ")")
                    .collect(Collectors.joining("; "));
            List<String> cells = List.of(l.aliasId(), l.address(), text(l.vendor()), String.join(" ", l.vendorDomains()),
                    l.status().wire(), time(l.since()), time(l.leakedAt()), Integer.toString(l.spamReports()),
                    Integer.toString(l.foreignDomains().size()), foreign, Integer.toString(l.vendorSpam()),
                    Long.toString(l.afterBurn().total()), afterBurn);
            sb.append(Csv.row(cells));
        }
        return sb.toString();
    }

    private static String describe(ForeignDomain d) {
        return d.domain() + " (" + d.messages() + ", " + time(d.firstSeen()) + " to " + time(d.lastSeen()) + ")";
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String time(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
