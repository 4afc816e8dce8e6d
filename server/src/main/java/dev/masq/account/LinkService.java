package dev.masq.account;

import dev.masq.crypto.Tokens;
import dev.masq.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/** Issues one-time links (the token is shown once and stored as SHA-256) and redeems them exactly once. */
public record LinkService(Database db, LinkRepository links, Clock clock) {
    /** A new link's token, to be put in a URL path. */
    public String issue(OneTimeLink.Kind kind, String userId, String mailboxId, Duration ttl) {
        return db.write(ctx -> issue(ctx, kind, userId, mailboxId, ttl));
    }

    public String issue(DSLContext ctx, OneTimeLink.Kind kind, String userId, String mailboxId, Duration ttl) {
        String token = Tokens.newSecret(kind == OneTimeLink.Kind.VERIFY_MAILBOX ? "mv" : "ml");
        Instant now = clock.instant();
        links.insert(ctx, Tokens.sha256(token), new OneTimeLink(kind, userId, mailboxId, now.plus(ttl)), now);
        return token;
    }

    /** The live link of that kind behind {@code token}, without using it up (to show its form). */
    public Optional<OneTimeLink> peek(String token, OneTimeLink.Kind kind) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return db.read(ctx -> links.find(ctx, Tokens.sha256(token)))
                .filter(link -> link.kind() == kind && link.expiresAt().isAfter(clock.instant()));
    }

    /** Uses the link up inside the caller's transaction; empty when it is unknown, expired, of another kind or already used. */
    public Optional<OneTimeLink> redeem(DSLContext ctx, String token, OneTimeLink.Kind kind) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        byte[] hash = Tokens.sha256(token);
        Optional<OneTimeLink> link = links.find(ctx, hash)
                .filter(l -> l.kind() == kind && l.expiresAt().isAfter(clock.instant()));
        link.ifPresent(l -> links.delete(ctx, hash));
        return link;
    }

    public void revokeAll(DSLContext ctx, OneTimeLink.Kind kind) {
        links.deleteKind(ctx, kind);
    }
}
