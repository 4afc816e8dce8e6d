package dev.masq.mail.submission;

import static dev.masq.db.schema.Tables.APP_PASSWORDS;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** App passwords, stored only as the SHA-256 of the secret. */
public final class AppPasswordRepository {

    public void insert(DSLContext ctx, String id, String userId, String name, byte[] secretHash, Instant now) {
        ctx.insertInto(APP_PASSWORDS)
                .set(APP_PASSWORDS.ID, id)
                .set(APP_PASSWORDS.USER_ID, userId)
                .set(APP_PASSWORDS.NAME, name)
                .set(APP_PASSWORDS.SECRET_HASH, secretHash)
                .set(APP_PASSWORDS.CREATED_AT, now.toEpochMilli())
                .execute();
    }

    /** The id of the user's live app password with this hash. */
    public Optional<String> findLive(DSLContext ctx, String userId, byte[] secretHash) {
        return ctx.select(APP_PASSWORDS.ID).from(APP_PASSWORDS)
                .where(APP_PASSWORDS.SECRET_HASH.eq(secretHash))
                .and(APP_PASSWORDS.USER_ID.eq(userId))
                .and(APP_PASSWORDS.REVOKED_AT.isNull())
                .fetchOptional(r -> r.value1());
    }

    public List<AppPassword> ofUser(DSLContext ctx, String userId) {
        return ctx.selectFrom(APP_PASSWORDS).where(APP_PASSWORDS.USER_ID.eq(userId))
                .orderBy(APP_PASSWORDS.REVOKED_AT.isNull().desc(), APP_PASSWORDS.CREATED_AT.desc())
                .fetch(r -> new AppPassword(r.getId(), r.getName(), Instant.ofEpochMilli(r.getCreatedAt()),
                        instant(r.getLastUsedAt()), instant(r.getRevokedAt())));
    }

    public void touch(DSLContext ctx, String id, Instant at) {
        ctx.update(APP_PASSWORDS).set(APP_PASSWORDS.LAST_USED_AT, at.toEpochMilli()).where(APP_PASSWORDS.ID.eq(id)).execute();
    }

    public boolean revoke(DSLContext ctx, String userId, String id, Instant at) {
        return ctx.update(APP_PASSWORDS).set(APP_PASSWORDS.REVOKED_AT, at.toEpochMilli())
                .where(APP_PASSWORDS.ID.eq(id).and(APP_PASSWORDS.USER_ID.eq(userId)).and(APP_PASSWORDS.REVOKED_AT.isNull()))
                .execute() == 1;
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
