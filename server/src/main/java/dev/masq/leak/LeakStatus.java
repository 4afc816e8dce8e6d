package dev.masq.leak;

import java.util.Locale;

/** How far an alias has escaped the vendor it was given to. */
public enum LeakStatus {
    CLEAN, SUSPECTED, LEAKED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LeakStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
