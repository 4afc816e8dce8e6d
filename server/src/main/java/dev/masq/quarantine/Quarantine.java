package dev.masq.quarantine;

import dev.masq.crypto.Secrets;
import dev.masq.leak.VerdictKind;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;

/**
 * Mail held back instead of forwarded: the copy exactly as it would have been delivered (rewritten, warned,
 * signed), with its inboxes and subject, all encrypted like the delivery queue. The pipeline seals a copy on
 * the session's thread and commits it in the write that would have queued it.
 */
public final class Quarantine {
    private final QuarantineRepository rows = new QuarantineRepository();
    private final Secrets secrets;

    public Quarantine(Secrets secrets) {
        this.secrets = secrets;
    }

    /**
     * One held copy.
     *
     * @param why        the verdict's warning, for the person
     * @param recipients the inboxes the copy would have gone to
     */
    public record Held(String id, String aliasId, String userId, VerdictKind verdict, String senderDomain, String why,
                       String subject, String envelopeFrom, List<String> recipients, byte[] content, Instant createdAt,
                       Instant expiresAt) {
        public Held {
            recipients = List.copyOf(recipients);
        }
    }

    /** A held copy with subject, recipients and content already encrypted, so that storing it is only an insert. */
    public record Sealed(Held held, byte[] subject, byte[] recipients, byte[] content) {
    }

    /** What a person sees of a held message; no content. */
    public record Entry(String id, String aliasId, String aliasAddress, VerdictKind verdict, String senderDomain,
                        String subject, String why, Instant createdAt, Instant expiresAt) {
    }

    public Sealed seal(Held h) {
        // Addresses never hold a line break, so one per line is unambiguous.
        return new Sealed(h, secrets.encryptText(h.subject()), secrets.encryptText(String.join("\n", h.recipients())),
                secrets.encrypt(h.content()));
    }

    public void hold(DSLContext ctx, Sealed s) {
        rows.insert(ctx, s);
    }

    List<Entry> list(DSLContext ctx, String userId, String aliasId, int limit) {
        return rows.list(ctx, userId, aliasId, limit).stream().map(this::entry).toList();
    }

    List<Entry> undigested(DSLContext ctx, String userId) {
        return rows.undigested(ctx, userId).stream().map(this::entry).toList();
    }

    /** One of the person's held copies, decrypted; null when there is none. */
    Held open(DSLContext ctx, String userId, String id) {
        QuarantineRepository.Row r = rows.find(ctx, userId, id);
        if (r == null) {
            return null;
        }
        return new Held(r.id(), r.aliasId(), r.userId(), kind(r.verdict()), r.senderDomain(), r.why(),
                secrets.decryptText(r.subject()), r.envelopeFrom(), Arrays.asList(secrets.decryptText(r.recipients()).split("\n")),
                secrets.decrypt(r.content()), Instant.ofEpochMilli(r.createdAt()), Instant.ofEpochMilli(r.expiresAt()));
    }

    boolean delete(DSLContext ctx, String userId, String id) {
        return rows.delete(ctx, userId, id);
    }

    int deleteExpired(DSLContext ctx, Instant now, int limit) {
        return rows.deleteExpired(ctx, now.toEpochMilli(), limit);
    }

    List<String> usersWithUndigested(DSLContext ctx) {
        return rows.usersWithUndigested(ctx);
    }

    void markDigested(DSLContext ctx, String userId) {
        rows.markDigested(ctx, userId);
    }

    private Entry entry(QuarantineRepository.Row r) {
        return new Entry(r.id(), r.aliasId(), r.aliasAddress(), kind(r.verdict()), r.senderDomain(),
                secrets.decryptText(r.subject()), r.why(), Instant.ofEpochMilli(r.createdAt()), Instant.ofEpochMilli(r.expiresAt()));
    }

    private static VerdictKind kind(String wire) {
        return VerdictKind.valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
