package dev.masq.mail.forward;

/**
 * The address an alias's owner replies to for one correspondent: {@code reply+<random>@alias-domain}.
 * One per (alias, correspondent); {@code blocked} means the owner no longer wants mail from them.
 */
public record ReverseAlias(String id, String aliasId, String address, boolean blocked) {
}
