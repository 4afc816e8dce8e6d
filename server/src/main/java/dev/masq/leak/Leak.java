package dev.masq.leak;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Whether an alias's address has escaped its vendor: since when, and which foreign domains wrote to it. */
public record Leak(Status status, Instant since, List<String> foreignDomains) {
    public static final Leak CLEAN = new Leak(Status.CLEAN, null, List.of());

    public enum Status {
        CLEAN, SUSPECTED, LEAKED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
