package dev.masq.mail.delivery;

import static dev.masq.db.schema.Tables.DELIVERIES;

import dev.masq.crypto.Secrets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;

/**
 * The durable queue of outgoing mail. Recipient and content are ciphertext; a row is deleted as soon
 * as its message is delivered or given up, so no message outlives its delivery.
 */
public final class DeliveryQueue {
    private final Secrets secrets;

    public DeliveryQueue(Secrets secrets) {
        this.secrets = secrets;
    }

    public void enqueue(DSLContext ctx, Delivery d) {
        ctx.insertInto(DELIVERIES)
                .set(DELIVERIES.ID, d.id())
                .set(DELIVERIES.ALIAS_ID, d.aliasId())
                .set(DELIVERIES.KIND, d.kind().wire())
                .set(DELIVERIES.ENVELOPE_FROM, d.envelopeFrom())
                .set(DELIVERIES.RECIPIENT_ENC, secrets.encryptText(d.recipient()))
                .set(DELIVERIES.CONTENT_ENC, secrets.encrypt(d.content()))
                .set(DELIVERIES.ATTEMPTS, d.attempts())
                .set(DELIVERIES.NEXT_ATTEMPT_AT, d.createdAt().toEpochMilli())
                .set(DELIVERIES.EXPIRES_AT, d.expiresAt().toEpochMilli())
                .set(DELIVERIES.CREATED_AT, d.createdAt().toEpochMilli())
                .execute();
    }

    /**
     * Leases up to {@code limit} deliveries that are due: they are not handed out again until
     * {@code leaseUntil}, so a delivery whose worker died is retried after its lease runs out.
     */
    public List<Delivery> claimDue(DSLContext ctx, Instant now, Instant leaseUntil, int limit) {
        List<Delivery> due = ctx.selectFrom(DELIVERIES)
                .where(DELIVERIES.NEXT_ATTEMPT_AT.le(now.toEpochMilli()))
                .and(DELIVERIES.LEASE_UNTIL.isNull().or(DELIVERIES.LEASE_UNTIL.le(now.toEpochMilli())))
                .orderBy(DELIVERIES.NEXT_ATTEMPT_AT)
                .limit(limit)
                .fetch(r -> new Delivery(r.getId(), r.getAliasId(),
                        Delivery.Kind.valueOf(r.getKind().toUpperCase(Locale.ROOT)), r.getEnvelopeFrom(),
                        secrets.decryptText(r.getRecipientEnc()), secrets.decrypt(r.getContentEnc()),
                        r.getAttempts(), Instant.ofEpochMilli(r.getCreatedAt()), Instant.ofEpochMilli(r.getExpiresAt())));
        if (!due.isEmpty()) {
            ctx.update(DELIVERIES)
                    .set(DELIVERIES.LEASE_UNTIL, leaseUntil.toEpochMilli())
                    .where(DELIVERIES.ID.in(due.stream().map(Delivery::id).toList()))
                    .execute();
        }
        return due;
    }

    /** The earliest time any delivery becomes due, if there is one. */
    public Instant nextDue(DSLContext ctx) {
        Long next = ctx.select(org.jooq.impl.DSL.min(DELIVERIES.NEXT_ATTEMPT_AT)).from(DELIVERIES)
                .where(DELIVERIES.LEASE_UNTIL.isNull()).fetchOne().value1();
        return next == null ? null : Instant.ofEpochMilli(next);
    }

    public void remove(DSLContext ctx, String id) {
        ctx.deleteFrom(DELIVERIES).where(DELIVERIES.ID.eq(id)).execute();
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
