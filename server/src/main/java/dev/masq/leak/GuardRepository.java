package dev.masq.leak;

import static dev.masq.db.schema.Tables.ALIASES;
import static dev.masq.db.schema.Tables.ALIAS_IDENTIFIERS;
import static dev.masq.db.schema.Tables.VENDOR_BREACHES;

import dev.masq.crypto.Secrets;
import dev.masq.db.HotStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The canary identifiers of aliases (one encrypted list each) and the breaches people recorded per vendor. */
public final class GuardRepository {
    // Read for every message to an alias: rendered once, as the intake's other statements are.
    private static final HotStatement IDENTIFIERS = new HotStatement(DSL.select(ALIAS_IDENTIFIERS.IDENTIFIERS_ENC)
            .from(ALIAS_IDENTIFIERS).where(ALIAS_IDENTIFIERS.ALIAS_ID.eq(DSL.param("alias", String.class))));
    private static final HotStatement VENDOR_OF = new HotStatement(DSL.select(ALIASES.USER_ID, ALIASES.VENDOR)
            .from(ALIASES).where(ALIASES.ID.eq(DSL.param("alias", String.class))));
    private static final HotStatement LATEST_BREACH = new HotStatement(DSL.select(DSL.max(VENDOR_BREACHES.BREACHED_ON))
            .from(VENDOR_BREACHES).where(VENDOR_BREACHES.USER_ID.eq(DSL.param("user", String.class)))
            .and(VENDOR_BREACHES.VENDOR_KEY.eq(DSL.param("vendor", String.class)))
            .and(VENDOR_BREACHES.BREACHED_ON.le(DSL.param("today", String.class))));
    private final Secrets secrets;

    public GuardRepository(Secrets secrets) {
        this.secrets = secrets;
    }

    /** The key a vendor label is filed under: the same vendor however the person capitalised it. */
    static String vendorKey(String vendor) {
        return vendor == null ? null : vendor.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether any alias of the person was given to the vendor filed under {@code key}. */
    boolean hasVendor(DSLContext ctx, String userId, String key) {
        return ctx.selectDistinct(ALIASES.VENDOR).from(ALIASES).where(ALIASES.USER_ID.eq(userId)).and(ALIASES.VENDOR.isNotNull())
                .fetch(ALIASES.VENDOR).stream().anyMatch(v -> vendorKey(v).equals(key));
    }

    /** The ids of the person's aliases given to the vendor filed under {@code key}, oldest first. */
    List<String> aliasesOfVendor(DSLContext ctx, String userId, String key) {
        return ctx.select(ALIASES.ID, ALIASES.VENDOR).from(ALIASES).where(ALIASES.USER_ID.eq(userId))
                .and(ALIASES.VENDOR.isNotNull()).orderBy(ALIASES.CREATED_AT, ALIASES.ID).fetch().stream()
                .filter(r -> vendorKey(r.value2()).equals(key)).map(r -> r.value1()).toList();
    }

    /** The vendor labels of the person's aliases, one per vendor (the first spelling met). */
    List<String> vendors(DSLContext ctx, String userId) {
        java.util.Map<String, String> byKey = new java.util.LinkedHashMap<>();
        ctx.select(ALIASES.VENDOR).from(ALIASES).where(ALIASES.USER_ID.eq(userId)).and(ALIASES.VENDOR.isNotNull())
                .orderBy(ALIASES.CREATED_AT, ALIASES.ID).fetch(ALIASES.VENDOR)
                .forEach(v -> byKey.putIfAbsent(vendorKey(v), v.strip()));
        return List.copyOf(byKey.values());
    }

    List<String> identifiers(DSLContext ctx, String aliasId) {
        byte[] sealed = IDENTIFIERS.fetchOptional(ctx, row -> row.getBytes(1), aliasId).orElse(null);
        if (sealed == null) {
            return List.of();
        }
        // Identifiers never hold a line break (they are refused on input), so one per line is unambiguous.
        return Arrays.asList(secrets.decryptText(sealed).split("\n"));
    }

    void replaceIdentifiers(DSLContext ctx, String aliasId, List<String> identifiers) {
        ctx.deleteFrom(ALIAS_IDENTIFIERS).where(ALIAS_IDENTIFIERS.ALIAS_ID.eq(aliasId)).execute();
        if (!identifiers.isEmpty()) {
            ctx.insertInto(ALIAS_IDENTIFIERS, ALIAS_IDENTIFIERS.ALIAS_ID, ALIAS_IDENTIFIERS.IDENTIFIERS_ENC)
                    .values(aliasId, secrets.encryptText(String.join("\n", identifiers))).execute();
        }
    }

    /** The latest breach of the alias's vendor that has begun by {@code today}, as an ISO date. */
    Optional<String> breachInEffect(DSLContext ctx, String aliasId, LocalDate today) {
        return VENDOR_OF.fetchOptional(ctx, row -> row.getString(2) == null ? null : new Owner(row.getString(1), row.getString(2)),
                        aliasId)
                .flatMap(owner -> LATEST_BREACH.fetchOptional(ctx, row -> row.getString(1), owner.userId(),
                        vendorKey(owner.vendor()), today.toString()));
    }

    private record Owner(String userId, String vendor) {
    }

    void addBreach(DSLContext ctx, String id, String userId, String vendor, LocalDate date, String note, String source,
                   Instant at) {
        ctx.insertInto(VENDOR_BREACHES).set(VENDOR_BREACHES.ID, id).set(VENDOR_BREACHES.USER_ID, userId)
                .set(VENDOR_BREACHES.VENDOR_KEY, vendorKey(vendor)).set(VENDOR_BREACHES.BREACHED_ON, date.toString())
                .set(VENDOR_BREACHES.NOTE, note).set(VENDOR_BREACHES.SOURCE, source)
                .set(VENDOR_BREACHES.CREATED_AT, at.toEpochMilli()).execute();
    }

    /** The person's breaches, oldest first. */
    List<Breach> breaches(DSLContext ctx, String userId) {
        return ctx.select(VENDOR_BREACHES.ID, VENDOR_BREACHES.VENDOR_KEY, VENDOR_BREACHES.BREACHED_ON, VENDOR_BREACHES.NOTE,
                        VENDOR_BREACHES.SOURCE)
                .from(VENDOR_BREACHES).where(VENDOR_BREACHES.USER_ID.eq(userId))
                .orderBy(VENDOR_BREACHES.BREACHED_ON, VENDOR_BREACHES.ID)
                .fetch(r -> new Breach(r.value1(), r.value2(), LocalDate.parse(r.value3()), r.value4(), r.value5()));
    }
}
