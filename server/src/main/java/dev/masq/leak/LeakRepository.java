package dev.masq.leak;

import static dev.masq.db.schema.Tables.ALIASES;
import static dev.masq.db.schema.Tables.ALIAS_AFTER_BURN;
import static dev.masq.db.schema.Tables.ALIAS_ALLOWED_DOMAINS;
import static dev.masq.db.schema.Tables.ALIAS_EVENTS;
import static dev.masq.db.schema.Tables.ALIAS_FOREIGN_DOMAINS;
import static dev.masq.db.schema.Tables.ALIAS_LEAKS;
import static dev.masq.db.schema.Tables.ALIAS_SPAM_REPORTS;
import static dev.masq.db.schema.Tables.ALIAS_VENDOR_DOMAINS;

import dev.masq.db.HotStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Leak status, foreign domains, spam reports (the vendor's own apart) and the vendor binding of aliases. */
public final class LeakRepository {
    private static final int BINDING_VENDOR = 0;
    private static final int BINDING_VENDOR_DOMAIN = 1;
    private static final int BINDING_ALLOWED_DOMAIN = 2;

    private static final HotStatement BINDING = bindingStatement();
    private static final HotStatement LEARN_VENDOR_DOMAIN = learnStatement();

    /** The stored status row of an alias. */
    record StoredStatus(LeakStatus status, Instant since, Instant leakedAt) {
        static final StoredStatus CLEAN = new StoredStatus(LeakStatus.CLEAN, null, null);
    }

    /**
     * The vendor label and domains, and the further domains the person allowed. One statement: it runs
     * for every received message inside the single writer's transaction, where each round trip counts.
     */
    Optional<VendorBinding> binding(DSLContext ctx, String aliasId) {
        List<BindingRow> rows = BINDING.fetch(ctx, r -> new BindingRow(r.getInt(1), r.getString(2)), aliasId, aliasId, aliasId);
        boolean exists = false;
        String vendor = null;
        List<String> vendorDomains = new ArrayList<>();
        Set<String> allowed = new HashSet<>();
        for (BindingRow r : rows) {
            switch (r.kind()) {
                case BINDING_VENDOR -> {
                    exists = true;
                    vendor = r.value();
                }
                case BINDING_VENDOR_DOMAIN -> vendorDomains.add(r.value());
                default -> allowed.add(r.value());
            }
        }
        // Alphabetical, as the lookalike targets were always listed (domains are ASCII: same order as SQLite's).
        vendorDomains.sort(null);
        return exists ? Optional.of(new VendorBinding(vendor, vendorDomains, allowed)) : Optional.empty();
    }

    private record BindingRow(int kind, String value) {
    }

    private static HotStatement bindingStatement() {
        Field<Integer> kind = DSL.field(DSL.name("kind"), Integer.class);
        Field<String> value = DSL.field(DSL.name("value"), String.class);
        return new HotStatement(DSL.select(DSL.inline(BINDING_VENDOR).as(kind), ALIASES.VENDOR.as(value))
                .from(ALIASES).where(ALIASES.ID.eq(DSL.param("alias", String.class)))
                .unionAll(DSL.select(DSL.inline(BINDING_VENDOR_DOMAIN).as(kind), ALIAS_VENDOR_DOMAINS.DOMAIN.as(value))
                        .from(ALIAS_VENDOR_DOMAINS).where(ALIAS_VENDOR_DOMAINS.ALIAS_ID.eq(DSL.param("alias", String.class))))
                .unionAll(DSL.select(DSL.inline(BINDING_ALLOWED_DOMAIN).as(kind), ALIAS_ALLOWED_DOMAINS.DOMAIN.as(value))
                        .from(ALIAS_ALLOWED_DOMAINS).where(ALIAS_ALLOWED_DOMAINS.ALIAS_ID.eq(DSL.param("alias", String.class)))));
    }

    // Check and insert in one statement: this runs per message inside the single writer's transaction.
    private static HotStatement learnStatement() {
        Field<String> alias = DSL.param("alias", String.class);
        return new HotStatement(DSL.insertInto(ALIAS_VENDOR_DOMAINS, ALIAS_VENDOR_DOMAINS.ALIAS_ID, ALIAS_VENDOR_DOMAINS.DOMAIN,
                        ALIAS_VENDOR_DOMAINS.LEARNED)
                .select(DSL.select(alias, DSL.param("domain", String.class), DSL.inline(true, ALIAS_VENDOR_DOMAINS.LEARNED))
                        .whereNotExists(DSL.selectOne().from(ALIAS_VENDOR_DOMAINS)
                                .where(ALIAS_VENDOR_DOMAINS.ALIAS_ID.eq(DSL.param("alias2", String.class))))));
    }

    boolean ownedBy(DSLContext ctx, String aliasId, String userId) {
        return ctx.fetchExists(ALIASES, ALIASES.ID.eq(aliasId).and(ALIASES.USER_ID.eq(userId)));
    }

    /** Trust on first use: adds a learned vendor domain unless the alias has one by now. Returns whether it did. */
    boolean learnVendorDomain(DSLContext ctx, String aliasId, String domain) {
        return LEARN_VENDOR_DOMAIN.execute(ctx, aliasId, domain, aliasId) == 1;
    }

    /** The person vouches for {@code domain} as the vendor's: added, or confirmed if it was learned. */
    void confirmVendorDomain(DSLContext ctx, String aliasId, String domain) {
        ctx.insertInto(ALIAS_VENDOR_DOMAINS).set(ALIAS_VENDOR_DOMAINS.ALIAS_ID, aliasId)
                .set(ALIAS_VENDOR_DOMAINS.DOMAIN, domain).set(ALIAS_VENDOR_DOMAINS.LEARNED, false)
                .onConflict(ALIAS_VENDOR_DOMAINS.ALIAS_ID, ALIAS_VENDOR_DOMAINS.DOMAIN)
                .doUpdate().set(ALIAS_VENDOR_DOMAINS.LEARNED, false)
                .execute();
    }

    void countForeign(DSLContext ctx, String aliasId, String domain, boolean spam, Instant at) {
        long millis = at.toEpochMilli();
        long spamCount = spam ? 1 : 0;
        ctx.insertInto(ALIAS_FOREIGN_DOMAINS)
                .set(ALIAS_FOREIGN_DOMAINS.ALIAS_ID, aliasId)
                .set(ALIAS_FOREIGN_DOMAINS.DOMAIN, domain)
                .set(ALIAS_FOREIGN_DOMAINS.MESSAGES, 1L)
                .set(ALIAS_FOREIGN_DOMAINS.SPAM_MESSAGES, spamCount)
                .set(ALIAS_FOREIGN_DOMAINS.FIRST_SEEN, millis)
                .set(ALIAS_FOREIGN_DOMAINS.LAST_SEEN, millis)
                .onConflict(ALIAS_FOREIGN_DOMAINS.ALIAS_ID, ALIAS_FOREIGN_DOMAINS.DOMAIN)
                .doUpdate()
                .set(ALIAS_FOREIGN_DOMAINS.MESSAGES, ALIAS_FOREIGN_DOMAINS.MESSAGES.plus(1))
                .set(ALIAS_FOREIGN_DOMAINS.SPAM_MESSAGES, ALIAS_FOREIGN_DOMAINS.SPAM_MESSAGES.plus(spamCount))
                .set(ALIAS_FOREIGN_DOMAINS.FIRST_SEEN, DSL.least(ALIAS_FOREIGN_DOMAINS.FIRST_SEEN, DSL.val(millis)))
                .set(ALIAS_FOREIGN_DOMAINS.LAST_SEEN, DSL.greatest(ALIAS_FOREIGN_DOMAINS.LAST_SEEN, DSL.val(millis)))
                .execute();
    }

    void forgetForeign(DSLContext ctx, String aliasId, String domain) {
        ctx.deleteFrom(ALIAS_FOREIGN_DOMAINS)
                .where(ALIAS_FOREIGN_DOMAINS.ALIAS_ID.eq(aliasId).and(ALIAS_FOREIGN_DOMAINS.DOMAIN.eq(domain)))
                .execute();
    }

    /** Whether {@code eventId} is a received message of the alias (it has a sender). */
    boolean isMessageEvent(DSLContext ctx, String aliasId, String eventId) {
        return ctx.fetchExists(ALIAS_EVENTS, ALIAS_EVENTS.ID.eq(eventId).and(ALIAS_EVENTS.ALIAS_ID.eq(aliasId))
                .and(ALIAS_EVENTS.SENDER_ENC.isNotNull().or(ALIAS_EVENTS.SENDER_DOMAIN.isNotNull())));
    }

    /** Whether {@code eventId} is a message of the alias that was forwarded as the vendor's own (verdict expected). */
    boolean isVendorMessage(DSLContext ctx, String aliasId, String eventId) {
        return ctx.fetchExists(ALIAS_EVENTS, ALIAS_EVENTS.ID.eq(eventId).and(ALIAS_EVENTS.ALIAS_ID.eq(aliasId))
                .and(ALIAS_EVENTS.KIND.eq("forwarded")).and(ALIAS_EVENTS.DETAIL.eq(VerdictKind.EXPECTED.wire())));
    }

    /** {@code fromVendor}: the message was the vendor's own. Returns false when the message was reported before. */
    boolean addSpamReport(DSLContext ctx, String aliasId, String eventId, boolean fromVendor, Instant at) {
        return ctx.insertInto(ALIAS_SPAM_REPORTS).set(ALIAS_SPAM_REPORTS.ALIAS_ID, aliasId)
                .set(ALIAS_SPAM_REPORTS.EVENT_ID, eventId).set(ALIAS_SPAM_REPORTS.REPORTED_AT, at.toEpochMilli())
                .set(ALIAS_SPAM_REPORTS.FROM_VENDOR, fromVendor)
                .onConflictDoNothing().execute() == 1;
    }

    LeakEvidence evidence(DSLContext ctx, String aliasId) {
        Record domains = ctx.select(DSL.count(), DSL.sum(ALIAS_FOREIGN_DOMAINS.SPAM_MESSAGES), DSL.min(ALIAS_FOREIGN_DOMAINS.FIRST_SEEN))
                .from(ALIAS_FOREIGN_DOMAINS).where(ALIAS_FOREIGN_DOMAINS.ALIAS_ID.eq(aliasId)).fetchOne();
        Record reports = ctx.select(DSL.count(), DSL.min(ALIAS_SPAM_REPORTS.REPORTED_AT))
                .from(ALIAS_SPAM_REPORTS).where(ALIAS_SPAM_REPORTS.ALIAS_ID.eq(aliasId).and(ALIAS_SPAM_REPORTS.FROM_VENDOR.isFalse()))
                .fetchOne();
        Long firstForeign = domains.get(2, Long.class);
        Long firstReport = reports.get(1, Long.class);
        // Boxed on every branch: a primitive branch would unbox a null one (no evidence left at all).
        Long earliest = firstForeign == null ? firstReport
                : firstReport == null ? firstForeign : Long.valueOf(Math.min(firstForeign, firstReport));
        return new LeakEvidence(domains.get(0, Integer.class), domains.get(1) == null ? 0 : domains.get(1, Long.class),
                reports.get(0, Integer.class), earliest == null ? null : Instant.ofEpochMilli(earliest));
    }

    StoredStatus status(DSLContext ctx, String aliasId) {
        return ctx.selectFrom(ALIAS_LEAKS).where(ALIAS_LEAKS.ALIAS_ID.eq(aliasId))
                .fetchOptional(r -> new StoredStatus(LeakStatus.fromWire(r.getStatus()), instant(r.getSince()), instant(r.getLeakedAt())))
                .orElse(StoredStatus.CLEAN);
    }

    void saveStatus(DSLContext ctx, String aliasId, StoredStatus s) {
        Long since = millis(s.since());
        Long leakedAt = millis(s.leakedAt());
        ctx.insertInto(ALIAS_LEAKS)
                .set(ALIAS_LEAKS.ALIAS_ID, aliasId).set(ALIAS_LEAKS.STATUS, s.status().wire())
                .set(ALIAS_LEAKS.SINCE, since).set(ALIAS_LEAKS.LEAKED_AT, leakedAt)
                .onConflict(ALIAS_LEAKS.ALIAS_ID).doUpdate()
                .set(ALIAS_LEAKS.STATUS, s.status().wire()).set(ALIAS_LEAKS.SINCE, since).set(ALIAS_LEAKS.LEAKED_AT, leakedAt)
                .execute();
    }

    /** The leak of one alias with its evidence; empty if there is no such alias. */
    Optional<AliasLeak> leak(DSLContext ctx, String aliasId) {
        return ctx.select(ALIASES.ID, ALIASES.ADDRESS, ALIASES.VENDOR).from(ALIASES).where(ALIASES.ID.eq(aliasId))
                .fetchOptional(r -> assemble(ctx, List.of(new Row(r.value1(), r.value2(), r.value3(), status(ctx, aliasId)))).getFirst());
    }

    /** The leaks of those of {@code aliasIds} that belong to the user, in one go (for list pages). */
    List<AliasLeak> leaks(DSLContext ctx, String userId, Collection<String> aliasIds) {
        List<Row> rows = ctx.select(ALIASES.ID, ALIASES.ADDRESS, ALIASES.VENDOR, ALIAS_LEAKS.STATUS, ALIAS_LEAKS.SINCE, ALIAS_LEAKS.LEAKED_AT)
                .from(ALIASES).leftJoin(ALIAS_LEAKS).on(ALIAS_LEAKS.ALIAS_ID.eq(ALIASES.ID))
                .where(ALIASES.USER_ID.eq(userId).and(ALIASES.ID.in(aliasIds)))
                .fetch(r -> new Row(r.value1(), r.value2(), r.value3(), r.value4() == null ? StoredStatus.CLEAN
                        : new StoredStatus(LeakStatus.fromWire(r.value4()), instant(r.value5()), instant(r.value6()))));
        return assemble(ctx, rows);
    }

    /** The person's aliases that are not clean, oldest leak first. */
    List<AliasLeak> notClean(DSLContext ctx, String userId) {
        List<Row> rows = ctx.select(ALIASES.ID, ALIASES.ADDRESS, ALIASES.VENDOR, ALIAS_LEAKS.STATUS, ALIAS_LEAKS.SINCE, ALIAS_LEAKS.LEAKED_AT)
                .from(ALIAS_LEAKS).join(ALIASES).on(ALIASES.ID.eq(ALIAS_LEAKS.ALIAS_ID))
                .where(ALIASES.USER_ID.eq(userId).and(ALIAS_LEAKS.STATUS.ne(LeakStatus.CLEAN.wire())))
                .orderBy(ALIAS_LEAKS.SINCE.asc(), ALIASES.ID.asc())
                .fetch(r -> new Row(r.value1(), r.value2(), r.value3(),
                        new StoredStatus(LeakStatus.fromWire(r.value4()), instant(r.value5()), instant(r.value6()))));
        return assemble(ctx, rows);
    }

    /**
     * The person's aliases that were never found leaking (so {@link #notClean} does not list them) but that mail
     * still tries to reach since they were burned, latest attempt first.
     */
    List<AliasLeak> cleanButWrittenAfterBurn(DSLContext ctx, String userId) {
        List<Row> rows = ctx.select(ALIASES.ID, ALIASES.ADDRESS, ALIASES.VENDOR)
                .from(ALIAS_AFTER_BURN).join(ALIASES).on(ALIASES.ID.eq(ALIAS_AFTER_BURN.ALIAS_ID))
                .leftJoin(ALIAS_LEAKS).on(ALIAS_LEAKS.ALIAS_ID.eq(ALIASES.ID))
                .where(ALIASES.USER_ID.eq(userId)
                        .and(ALIAS_LEAKS.STATUS.isNull().or(ALIAS_LEAKS.STATUS.eq(LeakStatus.CLEAN.wire()))))
                .orderBy(ALIAS_AFTER_BURN.LAST_AT.desc(), ALIASES.ID.asc())
                .fetch(r -> new Row(r.value1(), r.value2(), r.value3(), StoredStatus.CLEAN));
        return assemble(ctx, rows);
    }

    private record Row(String aliasId, String address, String vendor, StoredStatus status) {
    }

    private List<AliasLeak> assemble(DSLContext ctx, List<Row> rows) {
        Collection<String> ids = rows.stream().map(Row::aliasId).toList();
        Map<String, List<ForeignDomain>> foreign = ctx.selectFrom(ALIAS_FOREIGN_DOMAINS)
                .where(ALIAS_FOREIGN_DOMAINS.ALIAS_ID.in(ids))
                .orderBy(ALIAS_FOREIGN_DOMAINS.LAST_SEEN.desc(), ALIAS_FOREIGN_DOMAINS.DOMAIN)
                .fetch().stream()
                .collect(Collectors.groupingBy(r -> r.getAliasId(), Collectors.mapping(r -> new ForeignDomain(r.getDomain(),
                        r.getMessages(), r.getSpamMessages(), instant(r.getFirstSeen()), instant(r.getLastSeen())), Collectors.toList())));
        Map<String, List<String>> vendorDomains = ctx.selectFrom(ALIAS_VENDOR_DOMAINS)
                .where(ALIAS_VENDOR_DOMAINS.ALIAS_ID.in(ids)).orderBy(ALIAS_VENDOR_DOMAINS.DOMAIN).fetch().stream()
                .collect(Collectors.groupingBy(r -> r.getAliasId(), Collectors.mapping(r -> r.getDomain(), Collectors.toList())));
        Map<String, Integer> reports = new HashMap<>();
        Map<String, Integer> vendorSpam = new HashMap<>();
        ctx.select(ALIAS_SPAM_REPORTS.ALIAS_ID, ALIAS_SPAM_REPORTS.FROM_VENDOR, DSL.count()).from(ALIAS_SPAM_REPORTS)
                .where(ALIAS_SPAM_REPORTS.ALIAS_ID.in(ids)).groupBy(ALIAS_SPAM_REPORTS.ALIAS_ID, ALIAS_SPAM_REPORTS.FROM_VENDOR)
                .forEach(r -> (Boolean.TRUE.equals(r.value2()) ? vendorSpam : reports).put(r.value1(), r.value3()));
        Map<String, AfterBurn> afterBurn = AfterBurnRepository.of(ctx, ids);
        List<AliasLeak> leaks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            List<String> domains = vendorDomains.getOrDefault(row.aliasId(), List.of());
            String vendor = row.vendor() != null ? row.vendor() : domains.isEmpty() ? null : domains.getFirst();
            leaks.add(new AliasLeak(row.aliasId(), row.address(), vendor, domains, row.status().status(),
                    row.status().since(), row.status().leakedAt(), reports.getOrDefault(row.aliasId(), 0),
                    vendorSpam.getOrDefault(row.aliasId(), 0), foreign.getOrDefault(row.aliasId(), List.of()),
                    afterBurn.getOrDefault(row.aliasId(), AfterBurn.NONE)));
        }
        return leaks;
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
