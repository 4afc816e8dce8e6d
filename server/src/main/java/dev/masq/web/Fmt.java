package dev.masq.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Formatting helpers the templates call. Times are shown in UTC, the zone the server knows for certain. */
public final class Fmt {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private Fmt() {
    }

    public static String time(Instant at) {
        return at == null ? "never" : TIME.format(at);
    }

    public static String day(Instant at) {
        return at == null ? "" : DAY.format(at);
    }

    /** ISO-8601, for {@code <time datetime>}. */
    public static String iso(Instant at) {
        return at == null ? "" : at.toString();
    }

    public static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
