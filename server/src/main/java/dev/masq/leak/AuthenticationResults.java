package dev.masq.leak;

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

    /** The value of an {@code Authentication-Results} header (RFC 8601) for these results, after {@code authserv-id}. */
    public String summary() {
        StringBuilder sb = new StringBuilder("spf=").append(spf.name().toLowerCase());
        for (DkimResult d : dkim) {
            sb.append("; dkim=").append(d.status().name().toLowerCase());
            if (d.domain() != null) {
                sb.append(" header.d=").append(d.domain());
            }
        }
        sb.append("; dmarc=").append(dmarc.status() == DmarcResult.Status.UNKNOWN ? "temperror" : dmarc.status().name().toLowerCase());
        if (fromDomain != null) {
            sb.append(" header.from=").append(fromDomain);
        }
        return sb.toString();
    }
}
