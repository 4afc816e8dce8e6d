package dev.masq.leak;

import dev.masq.mail.body.BodyText;
import dev.masq.mail.body.Link;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
    /** Enough lying links to make the point; a hostile message may hold thousands. */
    private static final int MAX_FINDINGS = 5;

    /** By the domains alone, as for a message whose content tells nothing more. */
    public Verdict classify(AuthenticationResults auth, VendorBinding vendor, SpamScore spam) {
        return classify(auth, vendor, spam, MessageClues.NONE, AliasGuards.NONE);
    }

    /**
     * @param auth   SPF/DKIM/DMARC results, which also carry the From and envelope domains
     * @param vendor the alias's vendor label, vendor domains and allowed domains
     * @param spam   SpamAssassin's score, or null when not scored
     * @param clues  the display name, Reply-To and text of the message
     * @param guards the canary identifiers and breach of the alias's vendor
     */
    public Verdict classify(AuthenticationResults auth, VendorBinding vendor, SpamScore spam, MessageClues clues,
                            AliasGuards guards) {
        Verdict byDomain = byDomain(auth, vendor, spam, clues);
        Verdict v = byDomain.kind() == VerdictKind.EXPECTED ? byDomain : canary(byDomain, vendor, clues, guards);
        if (!v.claimsVendor()) {
            return withBinding(v, vendor, List.of(), null, v.warning());
        }
        List<String> findings = links(vendor, clues.body().get());
        if (guards.breachedOn() == null) {
            return withBinding(v, vendor, findings, null, v.warning());
        }
        String name = name(vendor, v.claimedDomain());
        String warning = name + " was breached on " + guards.breachedOn() + "; this message imitates " + name
                + ": " + v.warning();
        return withBinding(v, vendor, findings, guards.breachedOn(), warning);
    }

    private static Verdict withBinding(Verdict v, VendorBinding vendor, List<String> findings, String breach, String warning) {
        return new Verdict(v.kind(), v.senderDomain(), v.claimedDomain(), warning, v.learnsVendorDomain(), v.dmarc(),
                v.spam(), findings, breach, vendor);
    }

    private static Verdict byDomain(AuthenticationResults auth, VendorBinding vendor, SpamScore spam, MessageClues clues) {
        DmarcResult.Status dmarc = auth.dmarc().status();
        String host = auth.fromDomain() != null ? auth.fromDomain() : auth.envelopeDomain();
        if (host == null) {
            return new Verdict(spam != null && spam.isSpam() ? VerdictKind.SPAM : VerdictKind.FOREIGN,
                    null, null, null, false, dmarc, spam);
        }
        String sender = Domains.registrable(host);
        Set<String> own = own(vendor);
        List<Lookalikes.Target> targets = targets(vendor);
        if (own.contains(sender)) {
            if (dmarc == DmarcResult.Status.FAIL) {
                return spoof(auth, sender, dmarc, spam);
            }
            Optional<Verdict> replies = repliesToLookalike(clues, own, targets, sender, dmarc, spam);
            return replies.orElseGet(() -> new Verdict(VerdictKind.EXPECTED, sender, null, null, false, dmarc, spam));
        }
        Optional<Lookalikes.Match> lookalike = Lookalikes.find(host, sender, targets);
        if (lookalike.isPresent()) {
            String claimed = lookalike.get().target().display();
            String warning = "claims to be " + claimed + " but was sent from " + sender
                    + (lookalike.get().kind() == Lookalikes.Kind.CONFUSABLE_LETTERS && sender.contains("xn--")
                    ? ", a name written with look-alike letters" : "");
            return new Verdict(VerdictKind.LOOKALIKE, sender, claimed, warning, false, dmarc, spam);
        }
        // Only once the vendor's real domain is known can a name that calls itself the vendor be told apart.
        if (!vendor.vendorDomains().isEmpty() && DisplayNames.imitates(clues.displayName(), targets)) {
            String name = name(vendor, null);
            return new Verdict(VerdictKind.LOOKALIKE, sender, name, "calls itself " + name + " but comes from " + sender,
                    false, dmarc, spam);
        }
        if (spam != null && spam.isSpam()) {
            return new Verdict(VerdictKind.SPAM, sender, null, null, false, dmarc, spam);
        }
        // Trust on first use: the first message that is neither forged nor spam names the vendor.
        boolean learns = vendor.vendorDomains().isEmpty() && dmarc != DmarcResult.Status.FAIL;
        return new Verdict(learns ? VerdictKind.EXPECTED : VerdictKind.FOREIGN, sender, null, null, learns, dmarc, spam);
    }

    /** The vendor's own mail whose replies would go to a lookalike of it: the replies are what the attacker wants. */
    private static Optional<Verdict> repliesToLookalike(MessageClues clues, Set<String> own, List<Lookalikes.Target> targets,
                                                        String sender, DmarcResult.Status dmarc, SpamScore spam) {
        for (String replyHost : clues.replyToDomains()) {
            String reply = Domains.registrable(replyHost);
            if (own.contains(reply)) {
                continue;
            }
            Optional<Lookalikes.Match> match = Lookalikes.find(replyHost, reply, targets);
            if (match.isPresent()) {
                String claimed = match.get().target().display();
                return Optional.of(new Verdict(VerdictKind.LOOKALIKE, reply, claimed,
                        "comes from " + sender + " but its replies go to " + reply + ", which imitates " + claimed,
                        false, dmarc, spam));
            }
        }
        return Optional.empty();
    }

    /** Mail not from the vendor that quotes what only the vendor (and whoever breached it) knows. */
    private static Verdict canary(Verdict v, VendorBinding vendor, MessageClues clues, AliasGuards guards) {
        if (guards.identifiers().isEmpty()) {
            return v;
        }
        String subject = clues.subject().toLowerCase(Locale.ROOT);
        String text = null;
        for (String identifier : guards.identifiers()) {
            String needle = identifier.toLowerCase(Locale.ROOT);
            if (!subject.contains(needle)) {
                if (text == null) {
                    text = clues.body().get().text().toLowerCase(Locale.ROOT);
                }
                if (!text.contains(needle)) {
                    continue;
                }
            }
            String name = name(vendor, v.claimedDomain());
            String from = v.senderDomain() != null ? v.senderDomain()
                    : "a server " + v.claimedDomain() + " did not authorise";
            String warning = "quotes " + Canaries.describe(identifier, name) + ", but comes from " + from;
            return new Verdict(VerdictKind.PHISHING, v.senderDomain(), v.claimedDomain() != null ? v.claimedDomain() : name,
                    warning, false, v.dmarc(), v.spam());
        }
        return v;
    }

    /** Links that show the vendor's domain but lead elsewhere, and links to lookalikes of it. */
    private static List<String> links(VendorBinding vendor, BodyText body) {
        Set<String> own = own(vendor);
        List<Lookalikes.Target> targets = targets(vendor);
        Set<String> findings = new LinkedHashSet<>();
        for (Link link : body.links()) {
            if (findings.size() == MAX_FINDINGS) {
                break;
            }
            Optional<String> host = Domains.normalize(link.host());
            if (host.isEmpty()) {
                continue;
            }
            String target = Domains.registrable(host.get());
            if (own.contains(target)) {
                continue;
            }
            String text = link.text().toLowerCase(Locale.ROOT);
            Optional<String> shown = vendor.vendorDomains().stream().filter(text::contains).findFirst();
            if (shown.isPresent()) {
                findings.add("a link showing " + shown.get() + " leads to " + target);
            } else {
                Lookalikes.find(host.get(), target, targets).ifPresent(m ->
                        findings.add("a link leads to " + target + ", which imitates " + m.target().display()));
            }
        }
        return List.copyOf(findings);
    }

    private static Set<String> own(VendorBinding vendor) {
        Set<String> own = new HashSet<>(vendor.vendorDomains());
        own.addAll(vendor.allowedDomains());
        return own;
    }

    /** How the person calls the vendor: the label they gave it, else its domain. */
    private static String name(VendorBinding vendor, String claimed) {
        if (vendor.vendor() != null && !vendor.vendor().isBlank()) {
            return vendor.vendor();
        }
        return claimed != null ? claimed : vendor.vendorDomains().isEmpty() ? "the vendor" : vendor.vendorDomains().getFirst();
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
