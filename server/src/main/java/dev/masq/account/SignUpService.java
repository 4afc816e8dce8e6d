package dev.masq.account;

import dev.masq.common.InvalidInputException;
import dev.masq.config.PublicUrl;
import dev.masq.crypto.Tokens;
import dev.masq.db.Database;
import dev.masq.mail.EmailAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Open sign-up, when an administrator allows it: the address given gets a link to choose a password, and the account
 * works only once that link is followed, which proves the inbox is theirs. The answer is the same whether or not the
 * address already has an account, so the form tells nobody who uses this server.
 */
public final class SignUpService {
    private static final Duration LINK_TTL = Duration.ofDays(2);

    private final Database db;
    private final AccountRepository accounts;
    private final CredentialRepository credentials;
    private final LinkService links;
    private final AccountMail mail;
    private final ServerSettings settings;
    private final PublicUrl publicUrl;
    private final Clock clock;

    public SignUpService(Database db, AccountRepository accounts, CredentialRepository credentials, LinkService links,
                         AccountMail mail, ServerSettings settings, PublicUrl publicUrl, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.credentials = credentials;
        this.links = links;
        this.mail = mail;
        this.settings = settings;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    public boolean open() {
        return settings.openSignUp();
    }

    /** Mails a link to finish signing up, unless the address already has a working account. */
    public void request(String email) {
        if (!open()) {
            throw new IllegalStateException("sign-up is closed");
        }
        String inbox = EmailAddress.parse(email == null ? "" : email.strip())
                .orElseThrow(() -> new InvalidInputException("email", "not an email address"))
                .toString();
        boolean queued = db.write(ctx -> {
            String userId;
            var existing = accounts.findUserByLogin(ctx, inbox);
            if (existing.isEmpty()) {
                Instant now = clock.instant();
                User user = new User(Tokens.newId("us"), false, now);
                accounts.insertUser(ctx, user, inbox);
                accounts.insertMailbox(ctx, new Mailbox(Tokens.newId("mb"), user.id(), inbox, false, true), now);
                userId = user.id();
            } else if (credentials.user(ctx, existing.get().id()).map(u -> u.getPasswordHash() == null).orElse(false)) {
                userId = existing.get().id();
            } else {
                return false;
            }
            String token = links.issue(ctx, OneTimeLink.Kind.PASSWORD, userId, null, LINK_TTL);
            mail.queue(ctx, inbox, "Finish signing up for masq", """
                    Someone (we hope you) signed up for masq at %s with this address.

                    To finish, choose your password here:

                    %s/password/%s

                    The link works once, for two days. If it was not you, ignore this mail: no account will work without it.
                    """.formatted(publicUrl.get(), publicUrl.get(), token));
            return true;
        });
        if (queued) {
            mail.sendQueued();
        }
    }
}
