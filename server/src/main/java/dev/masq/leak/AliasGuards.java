package dev.masq.leak;

import java.util.List;

/**
 * What the person set up on an alias to catch phishing: the identifiers they gave its vendor (canaries), and
 * the latest breach recorded for its vendor that has begun.
 *
 * @param breachedOn ISO date of that breach; null when none
 */
public record AliasGuards(List<String> identifiers, String breachedOn) {
    public static final AliasGuards NONE = new AliasGuards(List.of(), null);

    public AliasGuards {
        identifiers = List.copyOf(identifiers);
    }
}
