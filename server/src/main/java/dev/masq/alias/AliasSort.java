package dev.masq.alias;

import dev.masq.common.InvalidInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Orders of the alias list; each has a keyset cursor of its own. */
public enum AliasSort {
    NEWEST("newest"),
    OLDEST("oldest"),
    /** Aliases that never received mail come last. */
    LAST_RECEIVED("last_received"),
    FORWARDED("forwarded");

    private final String wire;

    AliasSort(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** Null or blank means the default order, newest first. */
    public static AliasSort fromWire(String value) {
        if (value == null || value.isBlank()) {
            return NEWEST;
        }
        String v = value.strip();
        return Arrays.stream(values()).filter(s -> s.wire.equals(v)).findFirst()
                .orElseThrow(() -> new InvalidInputException("sort", "sort is one of "
                        + Arrays.stream(values()).map(AliasSort::wire).collect(Collectors.joining(", "))));
    }
}
