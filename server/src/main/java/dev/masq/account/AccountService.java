package dev.masq.account;

import dev.masq.crypto.Tokens;
import dev.masq.db.Database;
import dev.masq.mail.EmailAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Creates users. The operator vouches for the inbox given on the command line, so it starts verified. */
public record AccountService(Database db, AccountRepository accounts, Clock clock) {
    public User addUser(String email, boolean admin) {
        String inbox = EmailAddress.parse(email)
                .orElseThrow(() -> new IllegalArgumentException("not an email address: " + email))
                .toString();
        Instant now = clock.instant();
        User user = new User(Tokens.newId("us"), admin, now);
        return db.write(ctx -> {
            if (accounts.findUserByLogin(ctx, inbox).isPresent()) {
                throw new IllegalArgumentException("a user with that email already exists");
            }
            accounts.insertUser(ctx, user, inbox);
            accounts.insertMailbox(ctx, new Mailbox(Tokens.newId("mb"), user.id(), inbox, true, true), now);
            return user;
        });
    }

    public Optional<User> findByEmail(String email) {
        return db.read(ctx -> accounts.findUserByLogin(ctx, email));
    }
}
