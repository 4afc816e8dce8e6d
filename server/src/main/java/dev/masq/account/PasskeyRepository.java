package dev.masq.account;

import static dev.masq.db.schema.Tables.PASSKEYS;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** Registered WebAuthn credentials: public keys and signature counters, nothing secret. */
public final class PasskeyRepository {

    public record Row(byte[] credentialId, String userId, String name, byte[] credentialData, long signCount,
                      Instant createdAt, Instant lastUsedAt) {
    }

    public void insert(DSLContext ctx, Row row) {
        ctx.insertInto(PASSKEYS)
                .set(PASSKEYS.CREDENTIAL_ID, row.credentialId())
                .set(PASSKEYS.USER_ID, row.userId())
                .set(PASSKEYS.NAME, row.name())
                .set(PASSKEYS.CREDENTIAL_DATA, row.credentialData())
                .set(PASSKEYS.SIGN_COUNT, row.signCount())
                .set(PASSKEYS.CREATED_AT, row.createdAt().toEpochMilli())
                .execute();
    }

    public int count(DSLContext ctx, String userId) {
        return ctx.fetchCount(PASSKEYS, PASSKEYS.USER_ID.eq(userId));
    }

    public List<Row> ofUser(DSLContext ctx, String userId) {
        return ctx.selectFrom(PASSKEYS).where(PASSKEYS.USER_ID.eq(userId)).orderBy(PASSKEYS.CREATED_AT)
                .fetch(r -> new Row(r.getCredentialId(), r.getUserId(), r.getName(), r.getCredentialData(), r.getSignCount(),
                        Instant.ofEpochMilli(r.getCreatedAt()), r.getLastUsedAt() == null ? null : Instant.ofEpochMilli(r.getLastUsedAt())));
    }

    public Optional<Row> find(DSLContext ctx, byte[] credentialId) {
        return ctx.selectFrom(PASSKEYS).where(PASSKEYS.CREDENTIAL_ID.eq(credentialId))
                .fetchOptional(r -> new Row(r.getCredentialId(), r.getUserId(), r.getName(), r.getCredentialData(),
                        r.getSignCount(), Instant.ofEpochMilli(r.getCreatedAt()), null));
    }

    /** Records a use with its new counter, only if the counter is still {@code before}: two racing uses cannot both pass. */
    public boolean used(DSLContext ctx, byte[] credentialId, long before, long signCount, Instant at) {
        return ctx.update(PASSKEYS).set(PASSKEYS.SIGN_COUNT, signCount).set(PASSKEYS.LAST_USED_AT, at.toEpochMilli())
                .where(PASSKEYS.CREDENTIAL_ID.eq(credentialId).and(PASSKEYS.SIGN_COUNT.eq(before))).execute() == 1;
    }

    public boolean delete(DSLContext ctx, String userId, byte[] credentialId) {
        return ctx.deleteFrom(PASSKEYS).where(PASSKEYS.USER_ID.eq(userId).and(PASSKEYS.CREDENTIAL_ID.eq(credentialId))).execute() == 1;
    }
}
