package dev.masq.quarantine;

import static dev.masq.db.schema.Tables.ALIASES;
import static dev.masq.db.schema.Tables.QUARANTINE;

import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Rows of quarantined mail; subject, recipients and content are ciphertext handed in and out as such. */
final class QuarantineRepository {

    /** A row as stored; {@code recipients} and {@code content} are null where only the listing was read. */
    record Row(String id, String aliasId, String aliasAddress, String userId, String verdict, String senderDomain, String why,
               byte[] subject, String envelopeFrom, byte[] recipients, byte[] content, long createdAt, long expiresAt) {
    }

    void insert(DSLContext ctx, Quarantine.Sealed s) {
        Quarantine.Held h = s.held();
        ctx.insertInto(QUARANTINE).set(QUARANTINE.ID, h.id()).set(QUARANTINE.ALIAS_ID, h.aliasId())
                .set(QUARANTINE.USER_ID, h.userId()).set(QUARANTINE.VERDICT, h.verdict().wire())
                .set(QUARANTINE.SENDER_DOMAIN, h.senderDomain()).set(QUARANTINE.WHY, h.why())
                .set(QUARANTINE.SUBJECT_ENC, s.subject()).set(QUARANTINE.ENVELOPE_FROM, h.envelopeFrom())
                .set(QUARANTINE.RECIPIENTS_ENC, s.recipients()).set(QUARANTINE.CONTENT_ENC, s.content())
                .set(QUARANTINE.CREATED_AT, h.createdAt().toEpochMilli())
                .set(QUARANTINE.EXPIRES_AT, h.expiresAt().toEpochMilli())
                .execute();
    }

    /** The person's rows (of one alias when {@code aliasId} is not null), newest first, without their content. */
    List<Row> list(DSLContext ctx, String userId, String aliasId, int limit) {
        Condition mine = QUARANTINE.USER_ID.eq(userId);
        if (aliasId != null) {
            mine = mine.and(QUARANTINE.ALIAS_ID.eq(aliasId));
        }
        return ctx.select(QUARANTINE.ID, QUARANTINE.ALIAS_ID, ALIASES.ADDRESS, QUARANTINE.VERDICT, QUARANTINE.SENDER_DOMAIN,
                        QUARANTINE.WHY, QUARANTINE.SUBJECT_ENC, QUARANTINE.CREATED_AT, QUARANTINE.EXPIRES_AT)
                .from(QUARANTINE).join(ALIASES).on(ALIASES.ID.eq(QUARANTINE.ALIAS_ID))
                .where(mine).orderBy(QUARANTINE.CREATED_AT.desc(), QUARANTINE.ID.desc()).limit(limit)
                .fetch(QuarantineRepository::listed);
    }

    /** One of the person's rows with its content; null when there is none. */
    Row find(DSLContext ctx, String userId, String id) {
        return ctx.selectFrom(QUARANTINE).where(QUARANTINE.ID.eq(id)).and(QUARANTINE.USER_ID.eq(userId)).fetchOne(r ->
                new Row(r.getId(), r.getAliasId(), null, r.getUserId(), r.getVerdict(), r.getSenderDomain(), r.getWhy(),
                        r.getSubjectEnc(), r.getEnvelopeFrom(), r.getRecipientsEnc(), r.getContentEnc(), r.getCreatedAt(),
                        r.getExpiresAt()));
    }

    boolean delete(DSLContext ctx, String userId, String id) {
        return ctx.deleteFrom(QUARANTINE).where(QUARANTINE.ID.eq(id)).and(QUARANTINE.USER_ID.eq(userId)).execute() == 1;
    }

    int deleteExpired(DSLContext ctx, long nowMillis, int limit) {
        return ctx.deleteFrom(QUARANTINE).where(QUARANTINE.ID.in(ctx.select(QUARANTINE.ID).from(QUARANTINE)
                .where(QUARANTINE.EXPIRES_AT.le(nowMillis)).limit(limit))).execute();
    }

    /** People with quarantined mail not yet in a digest. */
    List<String> usersWithUndigested(DSLContext ctx) {
        return ctx.selectDistinct(QUARANTINE.USER_ID).from(QUARANTINE).where(QUARANTINE.DIGESTED.isFalse())
                .fetch(QUARANTINE.USER_ID);
    }

    List<Row> undigested(DSLContext ctx, String userId) {
        return ctx.select(QUARANTINE.ID, QUARANTINE.ALIAS_ID, ALIASES.ADDRESS, QUARANTINE.VERDICT, QUARANTINE.SENDER_DOMAIN,
                        QUARANTINE.WHY, QUARANTINE.SUBJECT_ENC, QUARANTINE.CREATED_AT, QUARANTINE.EXPIRES_AT)
                .from(QUARANTINE).join(ALIASES).on(ALIASES.ID.eq(QUARANTINE.ALIAS_ID))
                .where(QUARANTINE.USER_ID.eq(userId)).and(QUARANTINE.DIGESTED.isFalse())
                .orderBy(QUARANTINE.CREATED_AT).fetch(QuarantineRepository::listed);
    }

    private static Row listed(Record r) {
        return new Row(r.get(QUARANTINE.ID), r.get(QUARANTINE.ALIAS_ID), r.get(ALIASES.ADDRESS), null, r.get(QUARANTINE.VERDICT),
                r.get(QUARANTINE.SENDER_DOMAIN), r.get(QUARANTINE.WHY), r.get(QUARANTINE.SUBJECT_ENC), null, null, null,
                r.get(QUARANTINE.CREATED_AT), r.get(QUARANTINE.EXPIRES_AT));
    }

    void markDigested(DSLContext ctx, String userId) {
        ctx.update(QUARANTINE).set(QUARANTINE.DIGESTED, true).where(QUARANTINE.USER_ID.eq(userId))
                .and(QUARANTINE.DIGESTED.isFalse()).execute();
    }
}
