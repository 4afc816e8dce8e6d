package dev.masq.quarantine;

import static dev.masq.db.schema.Tables.ALIAS_VERDICT_POLICIES;
import static dev.masq.db.schema.Tables.VERDICT_POLICIES;

import dev.masq.db.HotStatement;
import dev.masq.leak.VerdictKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The person's verdict policy with their digest setting, and the per-alias overrides. */
public final class PolicyRepository {
    // Read for every message a verdict applies to: rendered once, as the intake's other statements are.
    private static final HotStatement USER = new HotStatement(DSL.select(VERDICT_POLICIES.SPOOF,
            VERDICT_POLICIES.LOOKALIKE, VERDICT_POLICIES.PHISHING, VERDICT_POLICIES.SPAM, VERDICT_POLICIES.QUARANTINE_DIGEST)
            .from(VERDICT_POLICIES).where(VERDICT_POLICIES.USER_ID.eq(DSL.param("user", String.class))));
    private static final HotStatement ALIAS = new HotStatement(DSL.select(ALIAS_VERDICT_POLICIES.SPOOF,
            ALIAS_VERDICT_POLICIES.LOOKALIKE, ALIAS_VERDICT_POLICIES.PHISHING, ALIAS_VERDICT_POLICIES.SPAM)
            .from(ALIAS_VERDICT_POLICIES).where(ALIAS_VERDICT_POLICIES.ALIAS_ID.eq(DSL.param("alias", String.class))));

    /** The person's own choices (no row: all defaults) and whether they get the daily digest. */
    record UserPolicy(Map<VerdictKind, VerdictAction> choices, boolean digest) {
    }

    UserPolicy user(DSLContext ctx, String userId) {
        return USER.fetchOptional(ctx, row -> new UserPolicy(choices(row), row.getBoolean(5)), userId)
                .orElseGet(() -> new UserPolicy(Map.of(), true));
    }

    Map<VerdictKind, VerdictAction> alias(DSLContext ctx, String aliasId) {
        return ALIAS.fetchOptional(ctx, PolicyRepository::choices, aliasId).orElseGet(Map::of);
    }

    void saveUser(DSLContext ctx, String userId, Map<VerdictKind, VerdictAction> choices, boolean digest) {
        ctx.insertInto(VERDICT_POLICIES).set(VERDICT_POLICIES.USER_ID, userId)
                .set(VERDICT_POLICIES.SPOOF, wire(choices, VerdictKind.SPOOF))
                .set(VERDICT_POLICIES.LOOKALIKE, wire(choices, VerdictKind.LOOKALIKE))
                .set(VERDICT_POLICIES.PHISHING, wire(choices, VerdictKind.PHISHING))
                .set(VERDICT_POLICIES.SPAM, wire(choices, VerdictKind.SPAM))
                .set(VERDICT_POLICIES.QUARANTINE_DIGEST, digest)
                .onConflict(VERDICT_POLICIES.USER_ID).doUpdate()
                .set(VERDICT_POLICIES.SPOOF, wire(choices, VerdictKind.SPOOF))
                .set(VERDICT_POLICIES.LOOKALIKE, wire(choices, VerdictKind.LOOKALIKE))
                .set(VERDICT_POLICIES.PHISHING, wire(choices, VerdictKind.PHISHING))
                .set(VERDICT_POLICIES.SPAM, wire(choices, VerdictKind.SPAM))
                .set(VERDICT_POLICIES.QUARANTINE_DIGEST, digest)
                .execute();
    }

    void saveAlias(DSLContext ctx, String aliasId, Map<VerdictKind, VerdictAction> choices) {
        ctx.deleteFrom(ALIAS_VERDICT_POLICIES).where(ALIAS_VERDICT_POLICIES.ALIAS_ID.eq(aliasId)).execute();
        if (!choices.isEmpty()) {
            ctx.insertInto(ALIAS_VERDICT_POLICIES).set(ALIAS_VERDICT_POLICIES.ALIAS_ID, aliasId)
                    .set(ALIAS_VERDICT_POLICIES.SPOOF, wire(choices, VerdictKind.SPOOF))
                    .set(ALIAS_VERDICT_POLICIES.LOOKALIKE, wire(choices, VerdictKind.LOOKALIKE))
                    .set(ALIAS_VERDICT_POLICIES.PHISHING, wire(choices, VerdictKind.PHISHING))
                    .set(ALIAS_VERDICT_POLICIES.SPAM, wire(choices, VerdictKind.SPAM))
                    .execute();
        }
    }

    /** When the person last got a digest; null when never. */
    Instant digestSentAt(DSLContext ctx, String userId) {
        Long at = ctx.select(VERDICT_POLICIES.DIGEST_SENT_AT).from(VERDICT_POLICIES)
                .where(VERDICT_POLICIES.USER_ID.eq(userId)).fetchOne(VERDICT_POLICIES.DIGEST_SENT_AT);
        return at == null ? null : Instant.ofEpochMilli(at);
    }

    void digestSent(DSLContext ctx, String userId, Instant at) {
        ctx.insertInto(VERDICT_POLICIES).set(VERDICT_POLICIES.USER_ID, userId)
                .set(VERDICT_POLICIES.DIGEST_SENT_AT, at.toEpochMilli())
                .onConflict(VERDICT_POLICIES.USER_ID).doUpdate()
                .set(VERDICT_POLICIES.DIGEST_SENT_AT, at.toEpochMilli())
                .execute();
    }

    /** The four choice columns of a row, in {@link VerdictPolicy#KINDS} order; null ones follow the default. */
    private static Map<VerdictKind, VerdictAction> choices(ResultSet row) throws SQLException {
        Map<VerdictKind, VerdictAction> out = new EnumMap<>(VerdictKind.class);
        for (int i = 0; i < VerdictPolicy.KINDS.size(); i++) {
            String value = row.getString(i + 1);
            if (value != null) {
                out.put(VerdictPolicy.KINDS.get(i), VerdictAction.parse(VerdictPolicy.KINDS.get(i).wire(), value));
            }
        }
        return out;
    }

    private static String wire(Map<VerdictKind, VerdictAction> choices, VerdictKind kind) {
        VerdictAction a = choices.get(kind);
        return a == null ? null : a.wire();
    }
}
