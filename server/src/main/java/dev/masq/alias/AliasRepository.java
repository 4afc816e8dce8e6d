package dev.masq.alias;

import static dev.masq.db.schema.Tables.ALIASES;
import static dev.masq.db.schema.Tables.ALIAS_LEAKS;
import static dev.masq.db.schema.Tables.ALIAS_MAILBOXES;
import static dev.masq.db.schema.Tables.ALIAS_TOMBSTONES;
import static dev.masq.db.schema.Tables.ALIAS_VENDOR_DOMAINS;

import dev.masq.common.InvalidInputException;
import dev.masq.crypto.Secrets;
import dev.masq.db.HotStatement;
import dev.masq.db.schema.tables.records.AliasesRecord;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/** Aliases, their vendor domains, their inboxes and the tombstones of deleted ones. */
public final class AliasRepository {
    private static final HotStatement ROUTE_BY_ADDRESS = route(ALIASES.ADDRESS.eq(DSL.param("address", String.class)));
    private static final HotStatement ROUTE_BY_ID = route(ALIASES.ID.eq(DSL.param("id", String.class)));
    private static final HotStatement MAILBOX_IDS = new HotStatement(DSL.select(ALIAS_MAILBOXES.MAILBOX_ID)
            .from(ALIAS_MAILBOXES).where(ALIAS_MAILBOXES.ALIAS_ID.eq(DSL.param("alias", String.class))));
    private static final HotStatement COUNT_FORWARDED = new HotStatement(DSL.update(ALIASES)
            .set(ALIASES.FORWARDED, ALIASES.FORWARDED.plus(DSL.inline(1L)))
            .set(ALIASES.LAST_RECEIVED_AT, DSL.param("at", Long.class))
            .where(ALIASES.ID.eq(DSL.param("id", String.class))));
    private static final HotStatement COUNT_BLOCKED = new HotStatement(DSL.update(ALIASES)
            .set(ALIASES.BLOCKED, ALIASES.BLOCKED.plus(DSL.inline(1L)))
            .set(ALIASES.LAST_RECEIVED_AT, DSL.param("at", Long.class))
            .where(ALIASES.ID.eq(DSL.param("id", String.class))));

    private final Secrets secrets;

    public AliasRepository(Secrets secrets) {
        this.secrets = secrets;
    }

    public Optional<AliasRoute> findRoute(DSLContext ctx, String address) {
        return ROUTE_BY_ADDRESS.fetchOptional(ctx, AliasRepository::route, address);
    }

    public Optional<AliasRoute> findRouteById(DSLContext ctx, String aliasId) {
        return ROUTE_BY_ID.fetchOptional(ctx, AliasRepository::route, aliasId);
    }

    private static HotStatement route(Condition which) {
        return new HotStatement(DSL.select(ALIASES.ID, ALIASES.USER_ID, ALIASES.ADDRESS, ALIASES.STATE).from(ALIASES).where(which));
    }

    private static AliasRoute route(ResultSet r) throws SQLException {
        return new AliasRoute(r.getString(1), r.getString(2), r.getString(3), AliasState.fromWire(r.getString(4)));
    }

    public boolean addressTaken(DSLContext ctx, String address) {
        return ctx.fetchExists(ALIASES, ALIASES.ADDRESS.eq(address))
                || ctx.fetchExists(ALIAS_TOMBSTONES, ALIAS_TOMBSTONES.ADDRESS_HMAC.eq(secrets.lookupHash(address)));
    }

    public void insert(DSLContext ctx, Alias alias, Collection<String> mailboxIds) {
        ctx.insertInto(ALIASES)
                .set(ALIASES.ID, alias.id())
                .set(ALIASES.USER_ID, alias.userId())
                .set(ALIASES.ADDRESS, alias.address())
                .set(ALIASES.VENDOR, alias.vendor())
                .set(ALIASES.NOTE, alias.note())
                .set(ALIASES.STATE, alias.state().wire())
                .set(ALIASES.CREATED_AT, alias.createdAt().toEpochMilli())
                .execute();
        replaceVendorDomains(ctx, alias.id(), alias.vendorDomains());
        for (String mailboxId : mailboxIds) {
            ctx.insertInto(ALIAS_MAILBOXES).set(ALIAS_MAILBOXES.ALIAS_ID, alias.id())
                    .set(ALIAS_MAILBOXES.MAILBOX_ID, mailboxId).execute();
        }
    }

    public void replaceVendorDomains(DSLContext ctx, String aliasId, List<Alias.VendorDomain> domains) {
        ctx.deleteFrom(ALIAS_VENDOR_DOMAINS).where(ALIAS_VENDOR_DOMAINS.ALIAS_ID.eq(aliasId)).execute();
        for (Alias.VendorDomain d : domains) {
            ctx.insertInto(ALIAS_VENDOR_DOMAINS)
                    .set(ALIAS_VENDOR_DOMAINS.ALIAS_ID, aliasId)
                    .set(ALIAS_VENDOR_DOMAINS.DOMAIN, d.domain())
                    .set(ALIAS_VENDOR_DOMAINS.LEARNED, d.learned())
                    .onConflictDoNothing()
                    .execute();
        }
    }

    public Optional<Alias> find(DSLContext ctx, String userId, String id) {
        return ctx.selectFrom(ALIASES)
                .where(ALIASES.ID.eq(id).and(ALIASES.USER_ID.eq(userId)))
                .fetchOptional()
                .map(r -> withDomains(ctx, List.of(r)).getFirst());
    }

    public List<Alias> list(DSLContext ctx, String userId, AliasQuery q, Cursor after) {
        Condition where = matching(userId, q);
        if (after != null) {
            where = where.and(after(q.sort(), after));
        }
        List<AliasesRecord> rows = ctx.selectFrom(ALIASES)
                .where(where)
                .orderBy(order(q.sort()))
                .limit(q.limit())
                .fetch();
        return withDomains(ctx, rows);
    }

    /**
     * The page that starts {@code offset} rows into the list: the numbered pages other services' clients ask for.
     * Without {@code withBurned}, burned aliases are left out (addy.io's clients list deleted ones only on request).
     */
    public List<Alias> slice(DSLContext ctx, String userId, AliasQuery q, boolean withBurned, int offset) {
        List<AliasesRecord> rows = ctx.selectFrom(ALIASES)
                .where(matching(userId, q, withBurned))
                .orderBy(order(q.sort()))
                .limit(q.limit())
                .offset(offset)
                .fetch();
        return withDomains(ctx, rows);
    }

    public int count(DSLContext ctx, String userId, AliasQuery q, boolean withBurned) {
        return ctx.fetchCount(ALIASES, matching(userId, q, withBurned));
    }

    private static Condition matching(String userId, AliasQuery q, boolean withBurned) {
        Condition where = matching(userId, q);
        return withBurned ? where : where.and(ALIASES.STATE.ne(AliasState.BURNED.wire()));
    }

    private static Condition matching(String userId, AliasQuery q) {
        Condition where = ALIASES.USER_ID.eq(userId);
        if (q.state() != null) {
            where = where.and(ALIASES.STATE.eq(q.state().wire()));
        }
        if (q.text() != null && !q.text().isBlank()) {
            String like = "%" + q.text().trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where = where.and(DSL.lower(ALIASES.ADDRESS).like(like, '\\')
                    .or(DSL.lower(ALIASES.VENDOR).like(like, '\\'))
                    .or(DSL.lower(ALIASES.NOTE).like(like, '\\')));
        }
        if (q.leak() != null) {
            where = where.and(leakIs(q.leak()));
        }
        return where;
    }

    /** An alias without a status row has never had a foreign sender: clean. */
    private static Condition leakIs(String status) {
        var notClean = DSL.selectOne().from(ALIAS_LEAKS)
                .where(ALIAS_LEAKS.ALIAS_ID.eq(ALIASES.ID).and(ALIAS_LEAKS.STATUS.ne(DSL.inline("clean"))));
        return status.equals("clean") ? DSL.notExists(notClean)
                : DSL.exists(DSL.selectOne().from(ALIAS_LEAKS)
                        .where(ALIAS_LEAKS.ALIAS_ID.eq(ALIASES.ID).and(ALIAS_LEAKS.STATUS.eq(status))));
    }

    /** The order of a sort; the id breaks ties so that a cursor names one position. */
    private static List<SortField<?>> order(AliasSort sort) {
        return switch (sort) {
            case NEWEST -> List.of(ALIASES.CREATED_AT.desc(), ALIASES.ID.desc());
            case OLDEST -> List.of(ALIASES.CREATED_AT.asc(), ALIASES.ID.asc());
            case LAST_RECEIVED -> List.of(ALIASES.LAST_RECEIVED_AT.desc().nullsLast(), ALIASES.ID.desc());
            case FORWARDED -> List.of(ALIASES.FORWARDED.desc(), ALIASES.ID.desc());
        };
    }

    /** The rows that come after the cursor in the order of the sort. */
    private static Condition after(AliasSort sort, Cursor c) {
        return switch (sort) {
            case NEWEST -> DSL.row(ALIASES.CREATED_AT, ALIASES.ID).lt(c.key(), c.id());
            case OLDEST -> DSL.row(ALIASES.CREATED_AT, ALIASES.ID).gt(c.key(), c.id());
            case FORWARDED -> DSL.row(ALIASES.FORWARDED, ALIASES.ID).lt(c.key(), c.id());
            // Row comparison is never true on a null, so the never-received tail is spelled out.
            case LAST_RECEIVED -> c.key() == null
                    ? ALIASES.LAST_RECEIVED_AT.isNull().and(ALIASES.ID.lt(c.id()))
                    : DSL.row(ALIASES.LAST_RECEIVED_AT, ALIASES.ID).lt(c.key(), c.id())
                            .or(ALIASES.LAST_RECEIVED_AT.isNull());
        };
    }

    public void setState(DSLContext ctx, String id, AliasState state) {
        ctx.update(ALIASES).set(ALIASES.STATE, state.wire()).where(ALIASES.ID.eq(id)).execute();
    }

    public void burn(DSLContext ctx, String id, Instant at, String reason, String replacedBy) {
        ctx.update(ALIASES)
                .set(ALIASES.STATE, AliasState.BURNED.wire())
                .set(ALIASES.BURNED_AT, at.toEpochMilli())
                .set(ALIASES.BURN_REASON, reason)
                .set(ALIASES.REPLACED_BY, replacedBy)
                .where(ALIASES.ID.eq(id))
                .execute();
    }

    public void updateLabels(DSLContext ctx, String id, String vendor, String note) {
        ctx.update(ALIASES).set(ALIASES.VENDOR, vendor).set(ALIASES.NOTE, note).where(ALIASES.ID.eq(id)).execute();
    }

    /** Deletes the alias and everything it owns, leaving a tombstone so the address is never reissued. */
    public void deleteWithTombstone(DSLContext ctx, String id, String address, Instant at) {
        ctx.insertInto(ALIAS_TOMBSTONES)
                .set(ALIAS_TOMBSTONES.ADDRESS_HMAC, secrets.lookupHash(address))
                .set(ALIAS_TOMBSTONES.DELETED_AT, at.toEpochMilli())
                .onConflictDoNothing()
                .execute();
        ctx.deleteFrom(ALIASES).where(ALIASES.ID.eq(id)).execute();
    }

    public List<String> mailboxIds(DSLContext ctx, String aliasId) {
        return MAILBOX_IDS.fetch(ctx, r -> r.getString(1), aliasId);
    }

    public void countForwarded(DSLContext ctx, String aliasId, Instant at) {
        COUNT_FORWARDED.execute(ctx, at.toEpochMilli(), aliasId);
    }

    public void setDisplayName(DSLContext ctx, String id, String displayName) {
        ctx.update(ALIASES).set(ALIASES.DISPLAY_NAME, displayName).where(ALIASES.ID.eq(id)).execute();
    }

    public void countReplied(DSLContext ctx, String aliasId) {
        ctx.update(ALIASES).set(ALIASES.REPLIED, ALIASES.REPLIED.plus(1)).where(ALIASES.ID.eq(aliasId)).execute();
    }

    public void countSent(DSLContext ctx, String aliasId) {
        ctx.update(ALIASES).set(ALIASES.SENT, ALIASES.SENT.plus(1)).where(ALIASES.ID.eq(aliasId)).execute();
    }

    /**
     * Claims the one forgery notice of the current window: true (and the window starts now) if none
     * was sent since {@code windowStart}.
     */
    public boolean claimForgeryNotice(DSLContext ctx, String aliasId, Instant windowStart, Instant now) {
        return ctx.update(ALIASES)
                .set(ALIASES.FORGERY_NOTICED_AT, now.toEpochMilli())
                .where(ALIASES.ID.eq(aliasId))
                .and(ALIASES.FORGERY_NOTICED_AT.isNull().or(ALIASES.FORGERY_NOTICED_AT.lt(windowStart.toEpochMilli())))
                .execute() == 1;
    }

    public void countBlocked(DSLContext ctx, String aliasId, Instant at) {
        COUNT_BLOCKED.execute(ctx, at.toEpochMilli(), aliasId);
    }

    private List<Alias> withDomains(DSLContext ctx, List<AliasesRecord> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(AliasesRecord::getId).toList();
        Map<String, List<Alias.VendorDomain>> domains = ctx.selectFrom(ALIAS_VENDOR_DOMAINS)
                .where(ALIAS_VENDOR_DOMAINS.ALIAS_ID.in(ids))
                .orderBy(ALIAS_VENDOR_DOMAINS.DOMAIN)
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(r -> r.getAliasId(),
                        Collectors.mapping(r -> new Alias.VendorDomain(r.getDomain(), r.getLearned()), Collectors.toList())));
        List<Alias> result = new ArrayList<>(rows.size());
        for (AliasesRecord r : rows) {
            result.add(new Alias(
                    r.getId(), r.getUserId(), r.getAddress(), r.getVendor(),
                    domains.getOrDefault(r.getId(), List.of()), r.getNote(),
                    AliasState.fromWire(r.getState()),
                    Instant.ofEpochMilli(r.getCreatedAt()), r.getForwarded(), r.getBlocked(),
                    instant(r.getLastReceivedAt()), instant(r.getBurnedAt()), r.getBurnReason(), r.getReplacedBy(),
                    r.getDisplayName(), r.getReplied(), r.getSent()));
        }
        return result;
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    /** Position in the list of one sort (its key value, null only for never received, and the id); opaque to clients. */
    public record Cursor(AliasSort sort, Long key, String id) {
        static Cursor at(AliasSort sort, Alias a) {
            Long key = switch (sort) {
                case NEWEST, OLDEST -> a.createdAt().toEpochMilli();
                case LAST_RECEIVED -> a.lastReceivedAt() == null ? null : a.lastReceivedAt().toEpochMilli();
                case FORWARDED -> a.forwarded();
            };
            return new Cursor(sort, key, a.id());
        }

        String encode() {
            String s = sort.wire() + ":" + (key == null ? "" : key) + ":" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
        }

        /** A cursor is only valid with the sort it was made for: its key means nothing in another order. */
        static Cursor decode(String cursor, AliasSort expected) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 3);
                if (parts.length == 3 && parts[0].equals(expected.wire()) && !parts[2].isEmpty()) {
                    Long key = parts[1].isEmpty() ? null : Long.parseLong(parts[1]);
                    if (key != null || expected == AliasSort.LAST_RECEIVED) {
                        return new Cursor(expected, key, parts[2]);
                    }
                }
            } catch (RuntimeException e) {
                // reported below like any other foreign cursor
            }
            throw new InvalidInputException("cursor", "not a cursor returned by this server for this sort");
        }
    }
}
