package dev.masq.account;

import static dev.masq.db.schema.Tables.API_KEYS;

import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/** API keys, stored only as the SHA-256 of the secret. */
public final class ApiKeyRepository {

    public void insert(DSLContext ctx, String id, String userId, String name, byte[] keyHash, Instant now) {
        ctx.insertInto(API_KEYS)
                .set(API_KEYS.ID, id)
                .set(API_KEYS.USER_ID, userId)
                .set(API_KEYS.NAME, name)
                .set(API_KEYS.KEY_HASH, keyHash)
                .set(API_KEYS.CREATED_AT, now.toEpochMilli())
                .execute();
    }

    /** The live key with this hash: its id and owner. */
    public Optional<ApiKeyOwner> findLive(DSLContext ctx, byte[] keyHash) {
        return ctx.select(API_KEYS.ID, API_KEYS.USER_ID, API_KEYS.LAST_USED_AT)
                .from(API_KEYS)
                .where(API_KEYS.KEY_HASH.eq(keyHash).and(API_KEYS.REVOKED_AT.isNull()))
                .fetchOptional(r -> new ApiKeyOwner(r.value1(), r.value2(), r.value3()));
    }

    public void touch(DSLContext ctx, String id, Instant at) {
        ctx.update(API_KEYS).set(API_KEYS.LAST_USED_AT, at.toEpochMilli()).where(API_KEYS.ID.eq(id)).execute();
    }

    public boolean revoke(DSLContext ctx, String userId, String id, Instant at) {
        return ctx.update(API_KEYS).set(API_KEYS.REVOKED_AT, at.toEpochMilli())
                .where(API_KEYS.ID.eq(id).and(API_KEYS.USER_ID.eq(userId)).and(API_KEYS.REVOKED_AT.isNull()))
                .execute() == 1;
    }

    public record ApiKeyOwner(String keyId, String userId, Long lastUsedAt) {
    }
}
