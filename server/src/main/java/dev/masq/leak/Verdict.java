package dev.masq.leak;

import dev.masq.senderauth.DmarcResult;
import dev.masq.senderauth.SpamScore;

/**
 * The classification of one received message.
 *
 * @param kind               the class
 * @param senderDomain       registrable domain the message is attributed to (for spoofs, the domain it
 *                           really came from when known); null when the message names no sender at all
 * @param claimedDomain      for spoof and lookalike: the vendor domain (or name) it pretends to be
 * @param warning            for spoof and lookalike: why, in words for a person; null otherwise
 * @param learnsVendorDomain the alias has no vendor domain yet and this message is the first
 *                           trustworthy one: its domain becomes the vendor's (trust on first use)
 * @param dmarc              DMARC's status for the From domain
 * @param spam               SpamAssassin's score, or null when none was taken
 */
public record Verdict(VerdictKind kind, String senderDomain, String claimedDomain, String warning,
                      boolean learnsVendorDomain, DmarcResult.Status dmarc, SpamScore spam) {
}
