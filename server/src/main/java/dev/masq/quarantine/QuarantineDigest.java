package dev.masq.quarantine;

import java.util.List;

/** The text of the daily digest: what was held, from where, and why; release and delete are on the alias page. */
final class QuarantineDigest {
    private QuarantineDigest() {
    }

    static String body(List<Quarantine.Entry> held) {
        StringBuilder sb = new StringBuilder("masq held these messages back instead of forwarding them:\n\n");
        for (Quarantine.Entry e : held) {
            sb.append("- to ").append(e.aliasAddress()).append(", from ")
                    .append(e.senderDomain() == null ? "an unknown sender" : e.senderDomain())
                    .append(" (").append(e.verdict().wire()).append("): \"").append(e.subject()).append("\"\n  ")
                    .append(e.why()).append('\n');
        }
        return sb.append("\nRelease or delete them on each alias's page in masq. Quarantined mail is deleted when it expires.\n")
                .toString();
    }
}
