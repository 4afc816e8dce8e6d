package dev.masq.config;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Settings of leak detection: when an alias counts as leaked, where spamd listens, and how long
 * sender authentication may wait for DNS.
 *
 * @param foreignDomains distinct foreign registrable domains that make an alias leaked
 * @param spamReports    spam reports by the person that make an alias leaked
 * @param spamMessages   messages scored over the spam threshold that make an alias leaked
 * @param spamd          spamd's {@code host:port}; empty = no spam scoring
 * @param spamdTimeout   connect and read timeout for spamd; past it the score is unknown
 * @param spamThreshold  score from which a message is spam; empty = spamd's own required score
 * @param dnsTimeout     timeout of one DNS query for SPF, DKIM and DMARC
 * @param detection      false = plain forwarding: no sender checks, verdicts or leak status
 */
public record LeakSettings(
        boolean detection,
        int foreignDomains,
        int spamReports,
        int spamMessages,
        Optional<InetSocketAddress> spamd,
        Duration spamdTimeout,
        OptionalDouble spamThreshold,
        Duration dnsTimeout) {

    public LeakSettings {
        if (foreignDomains < 1 || spamReports < 1 || spamMessages < 1) {
            throw new IllegalArgumentException("MASQ_LEAK_* thresholds must be at least 1");
        }
    }

    static LeakSettings from(Config.Settings s) {
        return new LeakSettings(
                s.bool("MASQ_LEAK_DETECTION", true),
                s.integer("MASQ_LEAK_FOREIGN_DOMAINS", 3),
                s.integer("MASQ_LEAK_SPAM_REPORTS", 1),
                s.integer("MASQ_LEAK_SPAM_MESSAGES", 1),
                s.optional("MASQ_SPAMD").map(Config::hostPort),
                s.duration("MASQ_SPAMD_TIMEOUT", Duration.ofSeconds(15)),
                s.optional("MASQ_SPAM_THRESHOLD").map(v -> OptionalDouble.of(Double.parseDouble(v))).orElse(OptionalDouble.empty()),
                s.duration("MASQ_AUTH_DNS_TIMEOUT", Duration.ofSeconds(5)));
    }
}
