package dev.masq.mail.delivery;

import static dev.masq.db.schema.Tables.DELIVERIES;

import dev.masq.crypto.Secrets;
import dev.masq.db.HotStatement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The durable queue of outgoing mail. Recipient and content are ciphertext; a row is deleted as soon
 * as its message is delivered or given up, so no message outlives its delivery.
 */
public final class DeliveryQueue {
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

    private final Secrets secrets;

    public DeliveryQueue(Secrets secrets) {
        this.secrets = secrets;
    }

    /**
     * A delivery with its recipient and content already encrypted, so that storing it inside a write is
     * only an insert: the encryption runs before, on the caller's thread, never on the one writer.
     */
    public record Sealed(Delivery delivery, byte[] recipient, byte[] content) {
    }

    public Sealed seal(Delivery d) {
        return new Sealed(d, secrets.encryptText(d.recipient()), secrets.encrypt(d.content()));
    }

    public void enqueue(DSLContext ctx, Delivery d) {
        enqueue(ctx, seal(d), null);
    }

    /** Queues {@code s} already leased until {@code leaseUntil} (null: not leased), for a sender that has it in hand. */
    public void enqueue(DSLContext ctx, Sealed s, Instant leaseUntil) {
        Delivery d = s.delivery();
        INSERT.execute(ctx, d.id(), d.aliasId(), d.kind().wire(), d.envelopeFrom(), s.recipient(), s.content(),
                d.attempts(), d.createdAt().toEpochMilli(), leaseUntil == null ? null : leaseUntil.toEpochMilli(),
                d.expiresAt().toEpochMilli(), d.createdAt().toEpochMilli());
    }

    /**
     * Leases up to {@code limit} deliveries that are due: they are not handed out again until
     * {@code leaseUntil}, so a delivery whose worker died is retried after its lease runs out.
     */
    public List<Delivery> claimDue(DSLContext ctx, Instant now, Instant leaseUntil, int limit) {
        long millis = now.toEpochMilli();
        List<Delivery> due = DUE.fetch(ctx, r -> new Delivery(r.getString(1), r.getString(2),
                Delivery.Kind.valueOf(r.getString(3).toUpperCase(Locale.ROOT)), r.getString(4),
                secrets.decryptText(r.getBytes(5)), secrets.decrypt(r.getBytes(6)),
                r.getInt(7), Instant.ofEpochMilli(r.getLong(8)), Instant.ofEpochMilli(r.getLong(9))), millis, millis, limit);
        for (Delivery d : due) {
            LEASE.execute(ctx, leaseUntil.toEpochMilli(), d.id());
        }
        return due;
    }

    /** The earliest time any delivery becomes due, if there is one. */
    public Instant nextDue(DSLContext ctx) {
        return NEXT_DUE.fetchOptional(ctx, r -> r.getObject(1) == null ? null : Instant.ofEpochMilli(r.getLong(1))).orElse(null);
    }

    public void remove(DSLContext ctx, String id) {
        REMOVE.execute(ctx, id);
    }

    public void reschedule(DSLContext ctx, String id, int attempts, Instant next, String error) {
        ctx.update(DELIVERIES)
                .set(DELIVERIES.ATTEMPTS, attempts)
                .set(DELIVERIES.NEXT_ATTEMPT_AT, next.toEpochMilli())
                .setNull(DELIVERIES.LEASE_UNTIL)
                .set(DELIVERIES.LAST_ERROR, error)
                .where(DELIVERIES.ID.eq(id))
                .execute();
    }

    /** On start, every lease belongs to a process that is gone: hand those deliveries out again. */
    public int releaseAllLeases(DSLContext ctx) {
        return ctx.update(DELIVERIES).setNull(DELIVERIES.LEASE_UNTIL).where(DELIVERIES.LEASE_UNTIL.isNotNull()).execute();
    }

    public int size(DSLContext ctx) {
        return ctx.fetchCount(DELIVERIES);
    }
}
