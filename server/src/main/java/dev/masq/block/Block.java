package dev.masq.block;

import java.time.Instant;

/**
 * A refused sender: one address or a whole domain (with its subdomains).
 *
 * @param aliasId the alias it applies to; null for every alias of the user
 * @param address the blocked address, or null for a domain block
 * @param domain  the blocked domain, or null for an address block
 */
public record Block(String id, String aliasId, String address, String domain, Instant createdAt) {
}
