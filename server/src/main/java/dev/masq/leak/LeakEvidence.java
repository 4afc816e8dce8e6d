package dev.masq.leak;

import java.time.Instant;

/**
 * What has been seen on one alias, summed up.
 *
 * @param foreignDomains distinct foreign registrable domains
 * @param spamMessages   messages from them scored over the spam threshold
 * @param spamReports    messages the person reported as spam
 * @param earliest       the first foreign message or spam report; null when there is none
 */
record LeakEvidence(int foreignDomains, long spamMessages, int spamReports, Instant earliest) {
}
