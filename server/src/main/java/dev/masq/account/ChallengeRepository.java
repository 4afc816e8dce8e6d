package dev.masq.account;

import static dev.masq.db.schema.Tables.WEBAUTHN_CHALLENGES;

import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/** WebAuthn challenges awaiting their answer, one per browser and ceremony; taking one deletes it. */
public final class ChallengeRepository {

    public record Pending(byte[] challenge, String userId, Instant expiresAt) {
    }

    /** Stores {@code pending} for the binding, replacing one issued before (a retried ceremony). */
    public void put(DSLContext ctx, byte[] bindingHash, Pending pending) {
        ctx.insertInto(WEBAUTHN_CHALLENGES)
                .set(WEBAUTHN_CHALLENGES.BINDING_HASH, bindingHash)
                .set(WEBAUTHN_CHALLENGES.CHALLENGE, pending.challenge())
                .set(WEBAUTHN_CHALLENGES.USER_ID, pending.userId())
                .set(WEBAUTHN_CHALLENGES.EXPIRES_AT, pending.expiresAt().toEpochMilli())
                .onConflict(WEBAUTHN_CHALLENGES.BINDING_HASH).doUpdate()
                .set(WEBAUTHN_CHALLENGES.CHALLENGE, pending.challenge())
                .set(WEBAUTHN_CHALLENGES.USER_ID, pending.userId())
                .set(WEBAUTHN_CHALLENGES.EXPIRES_AT, pending.expiresAt().toEpochMilli())
                .execute();
    }

    /** The challenge of that binding, deleted in the same transaction so that it answers exactly one response. */
    public Optional<Pending> take(DSLContext ctx, byte[] bindingHash) {
        Optional<Pending> found = ctx.selectFrom(WEBAUTHN_CHALLENGES).where(WEBAUTHN_CHALLENGES.BINDING_HASH.eq(bindingHash))
                .fetchOptional(r -> new Pending(r.getChallenge(), r.getUserId(), Instant.ofEpochMilli(r.getExpiresAt())));
        found.ifPresent(p -> ctx.deleteFrom(WEBAUTHN_CHALLENGES).where(WEBAUTHN_CHALLENGES.BINDING_HASH.eq(bindingHash)).execute());
        return found;
    }

    /** Challenges nobody answered; removed whenever a new one is issued so the table stays small. */
    public void deleteExpired(DSLContext ctx, Instant now) {
        ctx.deleteFrom(WEBAUTHN_CHALLENGES).where(WEBAUTHN_CHALLENGES.EXPIRES_AT.lt(now.toEpochMilli())).execute();
    }
}
