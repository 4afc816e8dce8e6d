package dev.masq.web;

import dev.masq.alias.Alias;
import dev.masq.alias.AliasEvent;
import dev.masq.alias.AliasService;
import dev.masq.leak.AliasLeak;
import dev.masq.leak.ForeignDomain;
import dev.masq.leak.LeakStatus;
import dev.masq.leak.LeakReport;
import dev.masq.leak.LeakService;
import dev.masq.leak.VendorService;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The leak report: which aliases leaked (oldest first), per vendor, and how much foreign mail arrived each week,
 * with the vendors' breaches marked; and the form that records a breach.
 */
public record LeakPages(AliasService aliases, LeakService leaks, VendorService vendors, Clock clock) {
    static final int WEEKS = 12;

    public record Row(Alias alias, AliasLeak leak) {
    }

    public record VendorSummary(String vendor, int suspected, int leaked, List<String> foreignDomains) {
    }

    /**
     * {@code vendorNames}: every vendor of the person's aliases, for the breach form; {@code breachError}: why the
     * breach just submitted was refused, null when none was; {@code writtenAfterBurn}: burned aliases never found
     * leaking that mail still tries to reach.
     */
    public record Report(List<Row> rows, List<VendorSummary> vendors, WeeklyChart chart, List<String> vendorNames,
                         String breachError, List<Row> writtenAfterBurn) {
    }

    public void report(Context ctx) {
        String user = WebGate.userId(ctx);
        LeakReport report = leaks.report(user);
        List<Row> rows = report.aliases().stream().map(l -> aliases.get(user, l.aliasId()))
                .map(a -> new Row(a, leaks.leak(user, a.id())))
                .sorted(Comparator.comparing((Row r) -> r.leak().since(), Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        List<VendorService.Vendor> all = vendors.vendors(user);
        Map<LocalDate, String> breaches = new TreeMap<>();
        all.forEach(v -> v.breaches().forEach(b -> breaches.merge(b.date(), v.name() + " breached " + b.date(),
                (x, y) -> x + "; " + y)));
        Views.page(ctx, "leaks.jte", new Report(rows, vendors(rows), chart(user, rows, breaches),
                all.stream().map(VendorService.Vendor::name).toList(), ctx.queryParam("breach_error"),
                report.writtenAfterBurn().stream().map(l -> new Row(aliases.get(user, l.aliasId()), l)).toList()));
    }

    private static List<VendorSummary> vendors(List<Row> rows) {
        Map<String, List<Row>> byVendor = new LinkedHashMap<>();
        rows.forEach(r -> byVendor.computeIfAbsent(r.alias().vendor() == null ? "(no vendor)" : r.alias().vendor(),
                v -> new ArrayList<>()).add(r));
        return byVendor.entrySet().stream().map(e -> new VendorSummary(e.getKey(),
                (int) e.getValue().stream().filter(r -> r.leak().status() == LeakStatus.SUSPECTED).count(),
                (int) e.getValue().stream().filter(r -> r.leak().status() == LeakStatus.LEAKED).count(),
                List.copyOf(new TreeSet<>(e.getValue().stream().flatMap(r -> r.leak().foreignDomains().stream().map(ForeignDomain::domain)).toList()))))
                .toList();
    }

    /** Counts, per week, the events on leaking aliases whose sender domain is one of that alias's foreign domains. */
    private WeeklyChart chart(String user, List<Row> rows, Map<LocalDate, String> breaches) {
        LocalDate thisWeek = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate first = thisWeek.minusWeeks(WEEKS - 1);
        Map<LocalDate, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < WEEKS; i++) {
            counts.put(first.plusWeeks(i), 0);
        }
        for (Row r : rows) {
            for (AliasEvent e : aliases.events(user, r.alias().id(), 500)) {
                if (e.senderDomain() != null && r.leak().foreignDomains().stream().anyMatch(d -> d.domain().equals(e.senderDomain()))) {
                    counts.computeIfPresent(week(e.createdAt()), (w, n) -> n + 1);
                }
            }
        }
        return WeeklyChart.of(counts, breaches);
    }

    private static LocalDate week(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
