package dev.masq.alias;

/** What the SMTP edge needs to know about a recipient address, read on every RCPT. */
public record AliasRoute(String aliasId, String userId, String address, AliasState state) {
}
