package dev.masq.account;

import static dev.masq.db.schema.Tables.API_KEYS;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;

/** API keys, stored only as the SHA-256 of the secret. */
public final class ApiKeyRepository {

    public void insert(DSLContext ctx, String id, String userId, String name, Set<ApiScope> scopes, byte[] keyHash, Instant now) {
        ctx.insertInto(API_KEYS)
                .set(API_KEYS.ID, id)
                .set(API_KEYS.USER_ID, userId)
                .set(API_KEYS.NAME, name)
                .set(API_KEYS.SCOPES, ApiScope.format(scopes))
                .set(API_KEYS.KEY_HASH, keyHash)
                .set(API_KEYS.CREATED_AT, now.toEpochMilli())
                .execute();
    }

    /** The live key with this hash: its id and owner. */
    public Optional<ApiKeyOwner> findLive(DSLContext ctx, byte[] keyHash) {
        return ctx.select(API_KEYS.ID, API_KEYS.USER_ID, API_KEYS.LAST_USED_AT, API_KEYS.SCOPES)
                .from(API_KEYS)
                .where(API_KEYS.KEY_HASH.eq(keyHash).and(API_KEYS.REVOKED_AT.isNull()))
                .fetchOptional(r -> new ApiKeyOwner(r.value1(), r.value2(), r.value3(), ApiScope.parse(r.value4())));
    }

    /** Every key of the user, live ones first, newest first. */
    public List<ApiKeyInfo> ofUser(DSLContext ctx, String userId) {
        return ctx.selectFrom(API_KEYS).where(API_KEYS.USER_ID.eq(userId))
                .orderBy(API_KEYS.REVOKED_AT.isNull().desc(), API_KEYS.CREATED_AT.desc())
                .fetch(r -> new ApiKeyInfo(r.getId(), r.getName(), ApiScope.parse(r.getScopes()), Instant.ofEpochMilli(r.getCreatedAt()),
                        r.getLastUsedAt() == null ? null : Instant.ofEpochMilli(r.getLastUsedAt()),
                        r.getRevokedAt() == null ? null : Instant.ofEpochMilli(r.getRevokedAt())));
    }

    public void touch(DSLContext ctx, String id, Instant at) {
        ctx.update(API_KEYS).set(API_KEYS.LAST_USED_AT, at.toEpochMilli()).where(API_KEYS.ID.eq(id)).execute();
    }

    public boolean revoke(DSLContext ctx, String userId, String id, Instant at) {
        return ctx.update(API_KEYS).set(API_KEYS.REVOKED_AT, at.toEpochMilli())
                .where(API_KEYS.ID.eq(id).and(API_KEYS.USER_ID.eq(userId)).and(API_KEYS.REVOKED_AT.isNull()))
                .execute() == 1;
    }

    public record ApiKeyOwner(String keyId, String userId, Long lastUsedAt, Set<ApiScope> scopes) {
    }

    public record ApiKeyInfo(String id, String name, Set<ApiScope> scopes, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    }
}
