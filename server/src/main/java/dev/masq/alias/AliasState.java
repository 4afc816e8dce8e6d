package dev.masq.alias;

import java.util.Locale;

public enum AliasState {
    ACTIVE, PAUSED, BURNED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AliasState fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
