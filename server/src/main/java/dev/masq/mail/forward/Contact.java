package dev.masq.mail.forward;

import java.time.Instant;

/**
 * A contact of an alias as its owner sees it: the real {@code address} and the
 * {@code reverseAlias} to write to in order to reach it as the alias.
 */
public record Contact(String id, String aliasId, String address, String reverseAlias, boolean blocked, Instant createdAt) {
}
