package dev.masq.alias;

import java.time.Instant;

/** Something that happened to an alias. The sender address is decrypted for its owner only. */
public record AliasEvent(String id, String aliasId, String kind, String sender, String senderDomain, String detail, Instant createdAt) {
}
