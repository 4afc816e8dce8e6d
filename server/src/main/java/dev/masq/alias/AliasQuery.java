package dev.masq.alias;

/** Filters and order of the alias list; null means no filter, and a null sort means newest first. */
public record AliasQuery(AliasState state, String text, AliasSort sort, String cursor, int limit) {
    public AliasQuery {
        sort = sort == null ? AliasSort.NEWEST : sort;
    }

    public AliasQuery(AliasState state, String text, String cursor, int limit) {
        this(state, text, AliasSort.NEWEST, cursor, limit);
    }
}
