package dev.masq.alias;

/** Filters of the alias list; null means no filter. */
public record AliasQuery(AliasState state, String text, String cursor, int limit) {
}
