package dev.masq.alias;

import dev.masq.common.InvalidInputException;
import java.util.List;

/**
 * Filters and order of the alias list; null means no filter, and a null sort means newest first.
 * {@code leak} is a leak status as the API writes it ({@code clean}, {@code suspected}, {@code leaked}).
 */
public record AliasQuery(AliasState state, String text, String leak, AliasSort sort, String cursor, int limit) {
    public static final List<String> LEAK_STATUSES = List.of("clean", "suspected", "leaked");

    public AliasQuery {
        sort = sort == null ? AliasSort.NEWEST : sort;
        if (leak != null && !LEAK_STATUSES.contains(leak)) {
            throw new InvalidInputException("leak", "leak is one of " + String.join(", ", LEAK_STATUSES));
        }
    }

    public AliasQuery(AliasState state, String text, String cursor, int limit) {
        this(state, text, null, AliasSort.NEWEST, cursor, limit);
    }
}
