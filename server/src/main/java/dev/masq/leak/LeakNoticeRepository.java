package dev.masq.leak;

import static dev.masq.db.schema.Tables.ALIASES;
import static dev.masq.db.schema.Tables.ALIAS_LEAKS;
import static dev.masq.db.schema.Tables.USED_ACTION_TOKENS;

import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Whether the owner was told of, or dismissed, the alias's current leak. Both are kept as the
 * {@code leaked_at} they answered: when the alias becomes leaked again, {@code leaked_at} moves
 * past them and a new notice is due. Also which action links were used, and the alias facts they need.
 */
final class LeakNoticeRepository {

    /** Marks the current leak as notified; false when it is not leaked, or was notified or dismissed already. */
    boolean claimNotice(DSLContext ctx, String aliasId) {
        return ctx.update(ALIAS_LEAKS).set(ALIAS_LEAKS.NOTIFIED_AT, ALIAS_LEAKS.LEAKED_AT)
                .where(ALIAS_LEAKS.ALIAS_ID.eq(aliasId)
                        .and(ALIAS_LEAKS.STATUS.eq(LeakStatus.LEAKED.wire()))
                        .and(ALIAS_LEAKS.NOTIFIED_AT.isNull().or(ALIAS_LEAKS.NOTIFIED_AT.lt(ALIAS_LEAKS.LEAKED_AT)))
                        .and(ALIAS_LEAKS.ACKNOWLEDGED_AT.isNull().or(ALIAS_LEAKS.ACKNOWLEDGED_AT.lt(ALIAS_LEAKS.LEAKED_AT))))
                .execute() == 1;
    }

    /** The owner dismissed the current leak; false when the alias is not leaked. */
    boolean acknowledge(DSLContext ctx, String aliasId) {
        return ctx.update(ALIAS_LEAKS).set(ALIAS_LEAKS.ACKNOWLEDGED_AT, ALIAS_LEAKS.LEAKED_AT)
                .where(ALIAS_LEAKS.ALIAS_ID.eq(aliasId).and(ALIAS_LEAKS.STATUS.eq(LeakStatus.LEAKED.wire())))
                .execute() == 1;
    }

    /** Returns false when the token was used before. */
    boolean markUsed(DSLContext ctx, byte[] tokenHash, Instant at) {
        return ctx.insertInto(USED_ACTION_TOKENS).set(USED_ACTION_TOKENS.TOKEN_HASH, tokenHash)
                .set(USED_ACTION_TOKENS.USED_AT, at.toEpochMilli()).onConflictDoNothing().execute() == 1;
    }

    boolean isUsed(DSLContext ctx, byte[] tokenHash) {
        return ctx.fetchExists(USED_ACTION_TOKENS, USED_ACTION_TOKENS.TOKEN_HASH.eq(tokenHash));
    }

    /** The alias's state ({@code active}, {@code paused}, {@code burned}); empty when it was deleted. */
    Optional<String> stateOf(DSLContext ctx, String aliasId) {
        return ctx.select(ALIASES.STATE).from(ALIASES).where(ALIASES.ID.eq(aliasId)).fetchOptional(r -> r.value1());
    }

    String ownerOf(DSLContext ctx, String aliasId) {
        return ctx.select(ALIASES.USER_ID).from(ALIASES).where(ALIASES.ID.eq(aliasId)).fetchSingle().value1();
    }
}
