package dev.masq.outbox;

import static dev.masq.db.schema.Tables.DELIVERIES;

import dev.masq.db.HotStatement;
import java.util.List;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The rows of the delivery queue, as stored: recipient and content are already ciphertext here. */
final class DeliveryRepository {
    private static final HotStatement INSERT = new HotStatement(DSL.insertInto(DELIVERIES)
            .set(DELIVERIES.ID, DSL.param("id", String.class))
            .set(DELIVERIES.ALIAS_ID, DSL.param("alias", String.class))
            .set(DELIVERIES.KIND, DSL.param("kind", String.class))
            .set(DELIVERIES.ENVELOPE_FROM, DSL.param("from", String.class))
            .set(DELIVERIES.RECIPIENT_ENC, DSL.param("to", byte[].class))
            .set(DELIVERIES.CONTENT_ENC, DSL.param("content", byte[].class))
            .set(DELIVERIES.ATTEMPTS, DSL.param("attempts", Integer.class))
            .set(DELIVERIES.NEXT_ATTEMPT_AT, DSL.param("next", Long.class))
            .set(DELIVERIES.LEASE_UNTIL, DSL.param("lease", Long.class))
            .set(DELIVERIES.EXPIRES_AT, DSL.param("expires", Long.class))
            .set(DELIVERIES.CREATED_AT, DSL.param("created", Long.class)));
    private static final HotStatement DUE = new HotStatement(DSL.select(DELIVERIES.ID, DELIVERIES.ALIAS_ID, DELIVERIES.KIND,
                    DELIVERIES.ENVELOPE_FROM, DELIVERIES.RECIPIENT_ENC, DELIVERIES.CONTENT_ENC, DELIVERIES.ATTEMPTS,
                    DELIVERIES.CREATED_AT, DELIVERIES.EXPIRES_AT)
            .from(DELIVERIES)
            .where(DELIVERIES.NEXT_ATTEMPT_AT.le(DSL.param("now", Long.class)))
            .and(DELIVERIES.LEASE_UNTIL.isNull().or(DELIVERIES.LEASE_UNTIL.le(DSL.param("now2", Long.class))))
            .orderBy(DELIVERIES.NEXT_ATTEMPT_AT)
            .limit(DSL.param("limit", Integer.class)));
    private static final HotStatement LEASE = new HotStatement(DSL.update(DELIVERIES)
            .set(DELIVERIES.LEASE_UNTIL, DSL.param("until", Long.class))
            .where(DELIVERIES.ID.eq(DSL.param("id", String.class))));
    private static final HotStatement NEXT_DUE = new HotStatement(DSL.select(DSL.min(DELIVERIES.NEXT_ATTEMPT_AT))
            .from(DELIVERIES).where(DELIVERIES.LEASE_UNTIL.isNull()));
    private static final HotStatement REMOVE = new HotStatement(DSL.deleteFrom(DELIVERIES)
            .where(DELIVERIES.ID.eq(DSL.param("id", String.class))));

    /** {@code leaseUntil} null: not leased. Times are epoch millis. */
    void insert(DSLContext ctx, String id, String aliasId, String kind, String envelopeFrom, byte[] recipientEnc,
                byte[] contentEnc, int attempts, long nextAttempt, Long leaseUntil, long expires, long created) {
        INSERT.execute(ctx, id, aliasId, kind, envelopeFrom, recipientEnc, contentEnc, attempts, nextAttempt, leaseUntil,
                expires, created);
    }

    /**
     * Up to {@code limit} due rows, leased until {@code leaseUntilMillis}; {@code mapper} sees the columns id, alias, kind,
     * from, to, content, attempts, created, expires (1-based, in that order).
     */
    <T> List<T> claimDue(DSLContext ctx, long nowMillis, long leaseUntilMillis, int limit, HotStatement.RowReader<T> reader,
                         Function<T, String> idOf) {
        List<T> due = DUE.fetch(ctx, reader, nowMillis, nowMillis, limit);
        for (T d : due) {
            LEASE.execute(ctx, leaseUntilMillis, idOf.apply(d));
        }
        return due;
    }

    Long nextDueMillis(DSLContext ctx) {
        return NEXT_DUE.fetchOptional(ctx, r -> r.getObject(1) == null ? null : r.getLong(1)).orElse(null);
    }

    void remove(DSLContext ctx, String id) {
        REMOVE.execute(ctx, id);
    }

    void reschedule(DSLContext ctx, String id, int attempts, long nextMillis, String error) {
        ctx.update(DELIVERIES)
                .set(DELIVERIES.ATTEMPTS, attempts)
                .set(DELIVERIES.NEXT_ATTEMPT_AT, nextMillis)
                .setNull(DELIVERIES.LEASE_UNTIL)
                .set(DELIVERIES.LAST_ERROR, error)
                .where(DELIVERIES.ID.eq(id))
                .execute();
    }

    int releaseAllLeases(DSLContext ctx) {
        return ctx.update(DELIVERIES).setNull(DELIVERIES.LEASE_UNTIL).where(DELIVERIES.LEASE_UNTIL.isNotNull()).execute();
    }

    int size(DSLContext ctx) {
        return ctx.fetchCount(DELIVERIES);
    }
}
