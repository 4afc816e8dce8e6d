package dev.masq.leak;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Whether a From display name calls itself the vendor: the vendor's name as a word of it, or inside it when the
 * name is long enough not to be part of ordinary words, compared through {@link Confusables} so that
 * {@code "0penAI Billing"} counts as well as {@code "OpenAI Billing"}.
 */
final class DisplayNames {
    private static final int MIN_WORD = 3;
    private static final int MIN_INSIDE = 5;

    private DisplayNames() {
    }

    static boolean imitates(String displayName, List<Lookalikes.Target> targets) {
        if (displayName == null || displayName.isBlank()) {
            return false;
        }
        String name = displayName.toLowerCase(Locale.ROOT);
        List<String> words = Arrays.stream(name.split("[\\s\\p{Punct}]+")).map(Confusables::skeleton).toList();
        String joined = Confusables.skeleton(name.replaceAll("[\\s\\p{Punct}]+", ""));
        for (Lookalikes.Target t : targets) {
            String label = Confusables.skeleton(t.label());
            if (label.length() >= MIN_WORD && words.contains(label)
                    || label.length() >= MIN_INSIDE && joined.contains(label)) {
                return true;
            }
        }
        return false;
    }
}
