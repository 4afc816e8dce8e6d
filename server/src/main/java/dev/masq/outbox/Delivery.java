package dev.masq.outbox;

import java.time.Instant;

/**
 * One message on its way to one recipient. {@code envelopeFrom} is empty for notices (null sender,
 * so a failing notice never bounces); {@code content} is the complete message as it will be sent.
 */
public record Delivery(
        String id,
        String aliasId,
        Kind kind,
        String envelopeFrom,
        String recipient,
        byte[] content,
        int attempts,
        Instant createdAt,
        Instant expiresAt) {

    public enum Kind {
        FORWARD, NOTICE;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
