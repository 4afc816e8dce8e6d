package dev.masq.leak;

import java.util.Locale;

/** How a canary identifier is named in a warning: by its kind when its shape tells, else as an identifier. */
final class Canaries {
    private Canaries() {
    }

    static String describe(String identifier, String vendor) {
        String lower = identifier.toLowerCase(Locale.ROOT);
        if (lower.startsWith("org-")) {
            return "your " + vendor + " organisation ID";
        }
        return "an identifier you gave " + vendor;
    }
}
