package dev.masq.leak;

import java.time.Instant;

/** A registrable domain other than the vendor's that wrote to an alias. */
public record ForeignDomain(String domain, long messages, long spamMessages, Instant firstSeen, Instant lastSeen) {
}
