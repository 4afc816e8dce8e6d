package dev.masq.leak;

import dev.masq.senderauth.DmarcResult;
import dev.masq.senderauth.SpamScore;
import java.util.List;

/**
 * The classification of one received message.
 *
 * @param kind               the class
 * @param senderDomain       registrable domain the message is attributed to (for spoofs, the domain it
 *                           really came from when known); null when the message names no sender at all
 * @param claimedDomain      for spoof, lookalike and phishing: the vendor domain (or name) it pretends to be
 * @param warning            for spoof, lookalike and phishing: why, in words for a person; null otherwise
 * @param learnsVendorDomain the alias has no vendor domain yet and this message is the first
 *                           trustworthy one: its domain becomes the vendor's (trust on first use)
 * @param dmarc              DMARC's status for the From domain
 * @param spam               SpamAssassin's score, or null when none was taken
 * @param findings           further warnings for the person, one line each: links that lie about where they go
 * @param breachedOn         the date of the vendor's breach when this message imitates a breached vendor
 *                           (then it is quarantined whatever the policy); null otherwise
 * @param against            the vendor binding the message was judged against (null when built by hand): a
 *                           verdict taken against a binding that changed before the write is stale
 */
public record Verdict(VerdictKind kind, String senderDomain, String claimedDomain, String warning,
                      boolean learnsVendorDomain, DmarcResult.Status dmarc, SpamScore spam, List<String> findings,
                      String breachedOn, VendorBinding against) {

    public Verdict {
        findings = List.copyOf(findings);
    }

    public Verdict(VerdictKind kind, String senderDomain, String claimedDomain, String warning,
                   boolean learnsVendorDomain, DmarcResult.Status dmarc, SpamScore spam) {
        this(kind, senderDomain, claimedDomain, warning, learnsVendorDomain, dmarc, spam, List.of(), null, null);
    }

    /** Whether the message pretends to be the vendor: by a forged From, a lookalike domain or display name. */
    public boolean claimsVendor() {
        return claimedDomain != null;
    }
}
