package dev.masq.account;

import java.time.Instant;
import java.util.Locale;

/** A browser's sign-in. The token that names it lives only in the browser's cookie; the server keeps its SHA-256. */
public record WebSession(String id, String userId, Stage stage, String userAgent, Instant createdAt, Instant lastSeenAt,
                         Instant reauthAt) {

    public enum Stage {
        /** The password was right; a second factor is still owed. */
        SECOND_FACTOR,
        /** Phishing-resistant sign-in is required and this person has no passkey yet: adding one is all they may do. */
        ENROL,
        FULL;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Stage fromWire(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }
}
