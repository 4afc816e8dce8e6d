package dev.masq.domain;

import java.util.Arrays;
import java.util.Locale;

/** Where a domain stands: pending until ownership and MX are proved, suspended when they vanish for a week. */
public enum DomainStatus {
    PENDING, VERIFIED, SUSPENDED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DomainStatus fromWire(String s) {
        return Arrays.stream(values()).filter(v -> v.wire().equals(s)).findFirst().orElseThrow();
    }
}
