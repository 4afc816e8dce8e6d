package dev.masq.mail.submission;

import java.time.Instant;

/** A password a mail client uses on the submission port; the secret itself is never stored. */
public record AppPassword(String id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
}
