package dev.masq.senderauth;

import java.util.List;

/**
 * Who really sent a message, as far as DNS can tell.
 *
 * @param fromDomain     normalised domain of the header From; null when the message has none
 * @param envelopeDomain normalised domain of the envelope sender; null for the null reverse path
 * @param spf            SPF for the envelope sender (or the HELO name when it is null)
 * @param dkim           one result per DKIM signature
 * @param dmarc          alignment of SPF and DKIM with {@code fromDomain}
 */
public record AuthenticationResults(String fromDomain, String envelopeDomain, SpfResult spf, List<DkimResult> dkim,
                                    DmarcResult dmarc) {
    public AuthenticationResults {
        dkim = List.copyOf(dkim);
    }
}
