package dev.masq.leak;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import dev.masq.senderauth.DmarcResult;
import dev.masq.senderauth.AuthenticationResults;
import dev.masq.senderauth.SpamScore;
import dev.masq.senderauth.Domains;

/**
 * Classifies one received message against the vendor its alias was given to. A pure function of its
 * inputs: no I/O, no clock, cheap enough for every message.
 */
public final class VerdictClassifier {

    /**
     * @param auth   SPF/DKIM/DMARC results, which also carry the From and envelope domains
     * @param vendor the alias's vendor label, vendor domains and allowed domains
     * @param spam   SpamAssassin's score, or null when not scored
     */
    public Verdict classify(AuthenticationResults auth, VendorBinding vendor, SpamScore spam) {
        DmarcResult.Status dmarc = auth.dmarc().status();
        String host = auth.fromDomain() != null ? auth.fromDomain() : auth.envelopeDomain();
        if (host == null) {
            return new Verdict(spam != null && spam.isSpam() ? VerdictKind.SPAM : VerdictKind.FOREIGN,
                    null, null, null, false, dmarc, spam);
        }
        String sender = Domains.registrable(host);
        Set<String> own = new HashSet<>(vendor.vendorDomains());
        own.addAll(vendor.allowedDomains());
        if (own.contains(sender)) {
            if (dmarc == DmarcResult.Status.FAIL) {
                return spoof(auth, sender, dmarc, spam);
            }
            return new Verdict(VerdictKind.EXPECTED, sender, null, null, false, dmarc, spam);
        }
        Optional<Lookalikes.Match> lookalike = Lookalikes.find(host, sender, targets(vendor));
        if (lookalike.isPresent()) {
            String claimed = lookalike.get().target().display();
            String warning = "claims to be " + claimed + " but was sent from " + sender
                    + (lookalike.get().kind() == Lookalikes.Kind.CONFUSABLE_LETTERS && sender.contains("xn--")
                    ? ", a name written with look-alike letters" : "");
            return new Verdict(VerdictKind.LOOKALIKE, sender, claimed, warning, false, dmarc, spam);
        }
        if (spam != null && spam.isSpam()) {
            return new Verdict(VerdictKind.SPAM, sender, null, null, false, dmarc, spam);
        }
        // Trust on first use: the first message that is neither forged nor spam names the vendor.
        boolean learns = vendor.vendorDomains().isEmpty() && dmarc != DmarcResult.Status.FAIL;
        return new Verdict(learns ? VerdictKind.EXPECTED : VerdictKind.FOREIGN, sender, null, null, learns, dmarc, spam);
    }

    private static Verdict spoof(AuthenticationResults auth, String claimed, DmarcResult.Status dmarc, SpamScore spam) {
        String envelope = auth.envelopeDomain() == null ? null : Domains.registrable(auth.envelopeDomain());
        boolean revealed = envelope != null && !envelope.equals(claimed);
        String warning = revealed
                ? "claims to be " + claimed + " but was sent from " + envelope
                : "claims to be " + claimed + " but " + claimed + " did not authorise the server that sent it";
        return new Verdict(VerdictKind.SPOOF, revealed ? envelope : null, claimed, warning, false, dmarc, spam);
    }

    /** The names a lookalike would imitate: each vendor domain's label, and the vendor label itself. */
    private static List<Lookalikes.Target> targets(VendorBinding vendor) {
        List<Lookalikes.Target> targets = new ArrayList<>();
        for (String domain : vendor.vendorDomains()) {
            targets.add(new Lookalikes.Target(domain, Domains.label(domain)));
        }
        if (vendor.vendor() != null) {
            Optional<String> asDomain = vendor.vendor().contains(".") ? Domains.normalize(vendor.vendor()) : Optional.empty();
            String label = asDomain.map(d -> Domains.label(Domains.registrable(d)))
                    .orElseGet(() -> vendor.vendor().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", ""));
            boolean known = targets.stream().anyMatch(t -> t.label().equals(label));
            if (!label.isEmpty() && !known) {
                targets.add(new Lookalikes.Target(vendor.vendor(), label));
            }
        }
        return targets;
    }
}
