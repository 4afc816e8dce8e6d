package dev.masq.account;

import dev.masq.common.InvalidInputException;
import dev.masq.config.PublicUrl;
import dev.masq.crypto.Tokens;
import dev.masq.db.Database;
import dev.masq.mail.EmailAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open sign-up, when an administrator allows it: the address given gets a link to choose a password, and the account
 * works only once that link is followed, which proves the inbox is theirs. The answer is the same whether or not the
 * address already has an account, so the form tells nobody who uses this server; and so that its timing does not tell
 * either, the work (a write and a mail for a new address, nothing for a known one) is done on a thread of its own,
 * after the answer.
 */
public final class SignUpService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SignUpService.class);
    private static final Duration LINK_TTL = Duration.ofDays(2);

    private final Database db;
    private final AccountRepository accounts;
    private final CredentialRepository credentials;
    private final LinkService links;
    private final AccountMail mail;
    private final ServerSettings settings;
    private final PublicUrl publicUrl;
    private final Clock clock;
    // One at a time: requests are few (throttled per client and per address), and a burst must not become a burst of writers.
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("sign-up").factory());

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

    /** The address as masq keeps it, or 422 for one that is not an address. */
    public String validate(String email) {
        return EmailAddress.parse(email == null ? "" : email.strip())
                .orElseThrow(() -> new InvalidInputException("email", "not an email address"))
                .toString();
    }

    /** Soon mails {@code inbox} (a {@link #validate}d address) a link to finish signing up, unless it already has a working account. */
    public void requestLater(String inbox) {
        if (!open()) {
            throw new IllegalStateException("sign-up is closed");
        }
        worker.execute(() -> {
            try {
                request(inbox);
            } catch (RuntimeException e) {
                log.error("a sign-up request failed", e);
            }
        });
    }

    private void request(String inbox) {
        boolean queued = db.write(ctx -> {
            String userId;
            var existing = accounts.findUserByLogin(ctx, inbox);
            if (existing.isEmpty()) {
                Instant now = clock.instant();
                User user = new User(Tokens.newId("us"), false, now);
                accounts.insertUser(ctx, user, inbox);
                accounts.insertMailbox(ctx, new Mailbox(Tokens.newId("mb"), user.id(), inbox, false, true), now);
                userId = user.id();
            } else if (credentials.user(ctx, existing.get().id()).map(u -> u.passwordHash() == null).orElse(false)) {
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

    /** Lets a request already taken finish before the database closes. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
