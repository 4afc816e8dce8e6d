package dev.masq.outbox;

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
    private final DeliveryRepository rows = new DeliveryRepository();
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
        rows.insert(ctx, d.id(), d.aliasId(), d.kind().wire(), d.envelopeFrom(), s.recipient(), s.content(), d.attempts(),
                d.createdAt().toEpochMilli(), leaseUntil == null ? null : leaseUntil.toEpochMilli(), d.expiresAt().toEpochMilli(),
                d.createdAt().toEpochMilli());
    }

    /**
     * Leases up to {@code limit} deliveries that are due: they are not handed out again until
     * {@code leaseUntil}, so a delivery whose worker died is retried after its lease runs out.
     */
    public List<Delivery> claimDue(DSLContext ctx, Instant now, Instant leaseUntil, int limit) {
        return rows.claimDue(ctx, now.toEpochMilli(), leaseUntil.toEpochMilli(), limit, r -> new Delivery(r.getString(1), r.getString(2),
                Delivery.Kind.valueOf(r.getString(3).toUpperCase(Locale.ROOT)), r.getString(4),
                secrets.decryptText(r.getBytes(5)), secrets.decrypt(r.getBytes(6)),
                r.getInt(7), Instant.ofEpochMilli(r.getLong(8)), Instant.ofEpochMilli(r.getLong(9))), Delivery::id);
    }

    /** The earliest time any delivery becomes due, if there is one. */
    public Instant nextDue(DSLContext ctx) {
        Long millis = rows.nextDueMillis(ctx);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    public void remove(DSLContext ctx, String id) {
        rows.remove(ctx, id);
    }

    public void reschedule(DSLContext ctx, String id, int attempts, Instant next, String error) {
        rows.reschedule(ctx, id, attempts, next.toEpochMilli(), error);
    }

    /** On start, every lease belongs to a process that is gone: hand those deliveries out again. */
    public int releaseAllLeases(DSLContext ctx) {
        return rows.releaseAllLeases(ctx);
    }

    public int size(DSLContext ctx) {
        return rows.size(ctx);
    }
}
