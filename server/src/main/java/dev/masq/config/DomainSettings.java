package dev.masq.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Settings of the domains users bring or claim.
 *
 * @param catchAllDailyLimit aliases catch-all mail may create per domain and UTC day; past it, {@code 451 4.7.1}
 * @param reservedSubdomains names of our alias domains no user may claim as their subdomain
 * @param recheckInterval    how often verified domains are checked again for their ownership record and MX
 */
public record DomainSettings(int catchAllDailyLimit, Set<String> reservedSubdomains, Duration recheckInterval) {

    public DomainSettings {
        if (catchAllDailyLimit < 1) {
            throw new IllegalArgumentException("MASQ_CATCHALL_DAILY_LIMIT must be at least 1");
        }
        if (recheckInterval.isNegative() || recheckInterval.isZero()) {
            throw new IllegalArgumentException("MASQ_DOMAIN_RECHECK_INTERVAL must be positive");
        }
    }

    static DomainSettings from(Config.Settings s) {
        return new DomainSettings(
                s.integer("MASQ_CATCHALL_DAILY_LIMIT", 50),
                Arrays.stream(s.get("MASQ_RESERVED_SUBDOMAINS", "www,mail,mx,smtp,imap,admin,postmaster,abuse").split(","))
                        .map(n -> n.trim().toLowerCase(Locale.ROOT))
                        .filter(n -> !n.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()),
                s.duration("MASQ_DOMAIN_RECHECK_INTERVAL", Duration.ofDays(1)));
    }
}
