package dev.masq.config;

import java.time.Duration;

/**
 * How long quarantined mail is kept before it is gone, body and subject.
 *
 * @param retention {@code MASQ_QUARANTINE_DAYS} days (30 by default)
 */
public record QuarantineSettings(Duration retention) {

    static QuarantineSettings from(Config.Settings s) {
        String raw = s.get("MASQ_QUARANTINE_DAYS", "30");
        int days;
        try {
            days = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            days = 0;
        }
        if (days < 1) {
            throw new IllegalArgumentException("MASQ_QUARANTINE_DAYS must be a whole number of days, at least 1: " + raw);
        }
        return new QuarantineSettings(Duration.ofDays(days));
    }
}
