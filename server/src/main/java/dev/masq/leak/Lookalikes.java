package dev.masq.leak;

import java.net.IDN;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import dev.masq.senderauth.Domains;

/**
 * Whether a sender's domain imitates a vendor: the vendor's name inside another domain
 * ({@code openai-billing.com}, {@code openai.com.evil.net}), a spelling one or two edits away
 * ({@code opneai.com}), or letters that look the same ({@code 0penai.com}, a Cyrillic о in punycode).
 */
final class Lookalikes {
    /** Shorter names are inside too many unrelated words to be looked for as substrings. */
    private static final int MIN_SUBSTRING = 5;
    private static final int MIN_TOKEN = 3;

    /** A vendor to protect: what to call it in a warning and the name to compare with. */
    record Target(String display, String label) {
    }

    enum Kind { CONTAINS_NAME, SIMILAR_SPELLING, CONFUSABLE_LETTERS }

    record Match(Target target, Kind kind) {
    }

    private Lookalikes() {
    }

    /**
     * @param host        the sender's full host name, normalised (ASCII)
     * @param registrable its registrable domain, already known not to be one of the vendor's
     */
    static Optional<Match> find(String host, String registrable, List<Target> targets) {
        String head = Domains.withoutSuffix(host);
        List<String> tokens = Arrays.asList(head.split("[.-]"));
        String label = Domains.label(registrable);
        String unicodeLabel = IDN.toUnicode(label, IDN.ALLOW_UNASSIGNED);
        String skeleton = Confusables.skeleton(unicodeLabel);
        for (Target t : targets) {
            String name = t.label();
            String nameSkeleton = Confusables.skeleton(name);
            if (name.length() >= MIN_TOKEN && tokens.contains(name)
                    || name.length() >= MIN_SUBSTRING && head.contains(name)) {
                return Optional.of(new Match(t, Kind.CONTAINS_NAME));
            }
            if (skeleton.equals(nameSkeleton) || nameSkeleton.length() >= MIN_SUBSTRING && skeleton.contains(nameSkeleton)) {
                return Optional.of(new Match(t, Kind.CONFUSABLE_LETTERS));
            }
            int distance = EditDistance.between(label, name);
            if (distance > 0 && distance <= allowedEdits(name)) {
                return Optional.of(new Match(t, Kind.SIMILAR_SPELLING));
            }
        }
        return Optional.empty();
    }

    /** Short names are one edit away from many real words; longer ones tolerate two. */
    private static int allowedEdits(String name) {
        if (name.length() < MIN_SUBSTRING) {
            return 0;
        }
        return name.length() < 9 ? 1 : 2;
    }
}
