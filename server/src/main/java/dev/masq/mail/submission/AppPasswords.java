package dev.masq.mail.submission;

import dev.masq.account.AccountRepository;
import dev.masq.account.Mailbox;
import dev.masq.common.InvalidInputException;
import dev.masq.common.NotFoundException;
import dev.masq.crypto.Tokens;
import dev.masq.db.Database;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Issues app passwords (shown once; 256 random bits, so SHA-256 is enough to store them) and checks
 * a login on the submission port. The user name is the account's login address.
 */
public final class AppPasswords {
    private static final int MAX_NAME = 100;

    private final Database db;
    private final AppPasswordRepository passwords;
    private final AccountRepository accounts;
    private final Clock clock;

    public AppPasswords(Database db, AppPasswordRepository passwords, AccountRepository accounts, Clock clock) {
        this.db = db;
        this.passwords = passwords;
        this.accounts = accounts;
        this.clock = clock;
    }

    public Issued create(String userId, String name) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            throw new InvalidInputException("name", "an app password needs a name of 1 to " + MAX_NAME + " characters");
        }
        String secret = Tokens.newSecret("mqp");
        String id = Tokens.newId("ap");
        String username = db.write(ctx -> {
            passwords.insert(ctx, id, userId, name.strip(), Tokens.sha256(secret), clock.instant());
            return accounts.defaultMailbox(ctx, userId).map(Mailbox::address).orElse(null);
        });
        return new Issued(id, name.strip(), username, secret);
    }

    public List<AppPassword> list(String userId) {
        return db.read(ctx -> passwords.ofUser(ctx, userId));
    }

    public void revoke(String userId, String id) {
        if (!db.write(ctx -> passwords.revoke(ctx, userId, id, clock.instant()))) {
            throw new NotFoundException("no live app password " + id);
        }
    }

    /** The user id if {@code password} is a live app password of the account {@code login}. */
    public Optional<String> authenticate(String login, String password) {
        byte[] hash = Tokens.sha256(password);
        Optional<Found> found = db.read(ctx -> accounts.findUserByLogin(ctx, login)
                .flatMap(user -> passwords.findLive(ctx, user.id(), hash).map(id -> new Found(user.id(), id))));
        found.ifPresent(f -> db.writeVoid(ctx -> passwords.touch(ctx, f.passwordId(), clock.instant())));
        return found.map(Found::userId);
    }

    private record Found(String userId, String passwordId) {
    }

    /** {@code password} is shown this once. */
    public record Issued(String id, String name, String username, String password) {
    }
}
