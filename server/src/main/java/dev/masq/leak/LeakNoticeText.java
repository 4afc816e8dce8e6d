package dev.masq.leak;

import dev.masq.outbox.NoticeMail;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The message that tells a person their alias leaked: which vendor, since when, and who writes to it now. */
public final class LeakNoticeText {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private LeakNoticeText() {
    }

    /** Where the owner burns and replaces the alias, or dismisses the notice (each opens a confirmation page). */
    public record Links(String burn, String dismiss) {
    }

    /**
     * The notice as RFC 5322 bytes, ready for the delivery queue.
     *
     * @param domain   the alias's domain, which the notice comes from
     * @param to       the owner's real inbox
     * @param hostname for the Message-ID
     */
    public static byte[] render(AliasLeak leak, Links links, String domain, String to, String hostname, Instant at) {
        String vendor = leak.vendor() == null ? "an unknown vendor" : leak.vendor();
        return NoticeMail.render(domain, to, "masq: the address you gave to " + vendor + " has leaked",
                text(leak, vendor, links), hostname, at);
    }

    static String text(AliasLeak leak, String vendor, Links links) {
        StringBuilder sb = new StringBuilder();
        sb.append("Your alias ").append(leak.address()).append(", which you gave to ").append(vendor);
        if (!leak.vendorDomains().isEmpty() && !leak.vendorDomains().contains(vendor)) {
            sb.append(" (").append(String.join(", ", leak.vendorDomains())).append(')');
        }
        sb.append(", now receives mail from others.\r\n\r\n");
        if (leak.since() != null) {
            sb.append("Since: ").append(DAY_TIME.format(leak.since())).append("\r\n");
        }
        if (!leak.foreignDomains().isEmpty()) {
            sb.append("\r\nWho else writes to it:\r\n");
            for (ForeignDomain d : leak.foreignDomains()) {
                sb.append("  ").append(d.domain()).append(": ").append(d.messages())
                        .append(d.messages() == 1 ? " message" : " messages")
                        .append(", first ").append(DAY.format(d.firstSeen()))
                        .append(", last ").append(DAY.format(d.lastSeen()));
                if (d.spamMessages() > 0) {
                    sb.append(", ").append(d.spamMessages()).append(" scored as spam");
                }
                sb.append("\r\n");
            }
        }
        if (leak.spamReports() > 0) {
            sb.append("\r\nYou reported ").append(leak.spamReports()).append(leak.spamReports() == 1 ? " message" : " messages")
                    .append(" on it as spam.\r\n");
        }
        sb.append("\r\n").append(vendor).append(" leaked, sold or lost this address.\r\n")
                .append("You can burn the alias, so that it refuses all mail from now on,\r\n")
                .append("and get a new one for ").append(vendor).append(";\r\n")
                .append("or, if these senders are expected, mark them as the vendor's in masq.\r\n")
                .append("\r\nBurn this alias and get a new one:\r\n  ").append(links.burn()).append("\r\n")
                .append("\r\nKeep it and dismiss this warning:\r\n  ").append(links.dismiss()).append("\r\n")
                .append("\r\nEach link asks you to confirm, works once, and expires after ")
                .append(ActionLinks.LIFETIME.toDays()).append(" days.\r\n");
        return sb.toString();
    }
}
