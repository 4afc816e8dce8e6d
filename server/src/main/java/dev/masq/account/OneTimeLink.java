package dev.masq.account;

import java.time.Instant;
import java.util.Locale;

/** What a one-time link lets its holder do, and for whom. */
public record OneTimeLink(Kind kind, String userId, String mailboxId, Instant expiresAt) {

    public enum Kind {
        /** Create the first (admin) account. */
        SETUP,
        /** Create an account, at an admin's invitation. */
        INVITE,
        /** Set the password of an existing account (made by {@code user add}). */
        PASSWORD,
        /** Prove that an added inbox receives mail. */
        VERIFY_MAILBOX;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind fromWire(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }
}
