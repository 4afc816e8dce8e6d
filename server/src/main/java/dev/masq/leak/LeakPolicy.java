package dev.masq.leak;

import dev.masq.config.LeakSettings;

/** When evidence makes an alias suspected or leaked; the thresholds come from the configuration. */
public record LeakPolicy(int foreignDomains, int spamReports, int spamMessages) {

    public static LeakPolicy from(LeakSettings settings) {
        return new LeakPolicy(settings.foreignDomains(), settings.spamReports(), settings.spamMessages());
    }

    public LeakStatus status(LeakEvidence evidence) {
        if (evidence.foreignDomains() >= foreignDomains || evidence.spamReports() >= spamReports
                || evidence.spamMessages() >= spamMessages) {
            return LeakStatus.LEAKED;
        }
        return evidence.foreignDomains() > 0 ? LeakStatus.SUSPECTED : LeakStatus.CLEAN;
    }
}
