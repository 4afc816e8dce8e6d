package dev.masq.account;

import static dev.masq.db.schema.Tables.ACCOUNT_LINKS;

import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/** One-time links, stored as the SHA-256 of their token. */
public final class LinkRepository {

    public void insert(DSLContext ctx, byte[] tokenHash, OneTimeLink link, Instant now) {
        ctx.insertInto(ACCOUNT_LINKS)
                .set(ACCOUNT_LINKS.TOKEN_HASH, tokenHash)
                .set(ACCOUNT_LINKS.KIND, link.kind().wire())
                .set(ACCOUNT_LINKS.USER_ID, link.userId())
                .set(ACCOUNT_LINKS.MAILBOX_ID, link.mailboxId())
                .set(ACCOUNT_LINKS.EXPIRES_AT, link.expiresAt().toEpochMilli())
                .set(ACCOUNT_LINKS.CREATED_AT, now.toEpochMilli())
                .execute();
    }

    public Optional<OneTimeLink> find(DSLContext ctx, byte[] tokenHash) {
        return ctx.selectFrom(ACCOUNT_LINKS).where(ACCOUNT_LINKS.TOKEN_HASH.eq(tokenHash))
                .fetchOptional(r -> new OneTimeLink(OneTimeLink.Kind.fromWire(r.getKind()), r.getUserId(), r.getMailboxId(),
                        Instant.ofEpochMilli(r.getExpiresAt())));
    }

    public boolean delete(DSLContext ctx, byte[] tokenHash) {
        return ctx.deleteFrom(ACCOUNT_LINKS).where(ACCOUNT_LINKS.TOKEN_HASH.eq(tokenHash)).execute() == 1;
    }

    public void deleteKind(DSLContext ctx, OneTimeLink.Kind kind) {
        ctx.deleteFrom(ACCOUNT_LINKS).where(ACCOUNT_LINKS.KIND.eq(kind.wire())).execute();
    }
}
