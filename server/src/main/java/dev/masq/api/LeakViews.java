package dev.masq.api;

import dev.masq.leak.AfterBurn;
import dev.masq.leak.AliasLeak;
import dev.masq.leak.ForeignDomain;
import dev.masq.leak.LeakReport;
import java.time.Instant;
import java.util.List;

/**
 * The JSON shape of {@code GET /api/v1/leaks}: the aliases that are not clean, oldest leak first, a summary per
 * vendor, and the burned aliases never found leaking that mail still tries to reach.
 */
record LeakViews(List<Entry> data, List<LeakReport.VendorSummary> vendors, List<WrittenAfterBurn> writtenAfterBurn) {

    static LeakViews of(LeakReport report) {
        return new LeakViews(report.aliases().stream().map(Entry::of).toList(), report.vendors(),
                report.writtenAfterBurn().stream().map(WrittenAfterBurn::of).toList());
    }

    record Entry(String aliasId, String address, String vendor, List<String> vendorDomains, String status, Instant since,
                 Instant leakedAt, int spamReports, int vendorSpam, List<ForeignDomain> foreignDomains, AfterBurn afterBurn) {
        static Entry of(AliasLeak l) {
            return new Entry(l.aliasId(), l.address(), l.vendor(), l.vendorDomains(), l.status().wire(), l.since(),
                    l.leakedAt(), l.spamReports(), l.vendorSpam(), l.foreignDomains(), l.afterBurn());
        }
    }

    record WrittenAfterBurn(String aliasId, String address, String vendor, AfterBurn afterBurn) {
        static WrittenAfterBurn of(AliasLeak l) {
            return new WrittenAfterBurn(l.aliasId(), l.address(), l.vendor(), l.afterBurn());
        }
    }
}
