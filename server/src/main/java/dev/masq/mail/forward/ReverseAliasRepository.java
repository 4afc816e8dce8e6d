package dev.masq.mail.forward;

import static dev.masq.db.schema.Tables.REVERSE_ALIASES;

import dev.masq.crypto.Secrets;
import dev.masq.crypto.Tokens;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Reverse aliases. The correspondent's address is stored encrypted and found through its keyed hash;
 * the local part is 100 random bits, so no one can guess the reverse alias of a given sender.
 */
public final class ReverseAliasRepository {
    private static final String PREFIX = "reply+";
    private static final int RANDOM_CHARS = 20;

    private final Secrets secrets;

    public ReverseAliasRepository(Secrets secrets) {
        this.secrets = secrets;
    }

    /** The reverse alias of {@code correspondent} on this alias, created on first contact. */
    public ReverseAlias findOrCreate(DSLContext ctx, String aliasId, String correspondent, String domain, Instant now) {
        byte[] hmac = secrets.lookupHash(correspondent);
        return find(ctx, aliasId, hmac).orElseGet(() -> {
            ReverseAlias created = new ReverseAlias(Tokens.newId("ra"), aliasId,
                    PREFIX + Tokens.randomBase32(RANDOM_CHARS) + "@" + domain, false);
            ctx.insertInto(REVERSE_ALIASES)
                    .set(REVERSE_ALIASES.ID, created.id())
                    .set(REVERSE_ALIASES.ALIAS_ID, aliasId)
                    .set(REVERSE_ALIASES.ADDRESS, created.address())
                    .set(REVERSE_ALIASES.CORRESPONDENT_ENC, secrets.encryptText(correspondent))
                    .set(REVERSE_ALIASES.CORRESPONDENT_HMAC, hmac)
                    .set(REVERSE_ALIASES.CREATED_AT, now.toEpochMilli())
                    .execute();
            return created;
        });
    }

    public boolean isBlocked(DSLContext ctx, String aliasId, String correspondent) {
        return ctx.fetchExists(REVERSE_ALIASES, REVERSE_ALIASES.ALIAS_ID.eq(aliasId)
                .and(REVERSE_ALIASES.CORRESPONDENT_HMAC.eq(secrets.lookupHash(correspondent)))
                .and(REVERSE_ALIASES.BLOCKED.isTrue()));
    }

    private Optional<ReverseAlias> find(DSLContext ctx, String aliasId, byte[] hmac) {
        return ctx.select(REVERSE_ALIASES.ID, REVERSE_ALIASES.ADDRESS, REVERSE_ALIASES.BLOCKED)
                .from(REVERSE_ALIASES)
                .where(REVERSE_ALIASES.ALIAS_ID.eq(aliasId).and(REVERSE_ALIASES.CORRESPONDENT_HMAC.eq(hmac)))
                .fetchOptional(r -> new ReverseAlias(r.value1(), aliasId, r.value2(), r.value3()));
    }
}
