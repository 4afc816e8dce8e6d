package dev.masq.alias;

import dev.masq.common.InvalidInputException;

/** The free text a person attaches to an alias: bounded, without control characters, blank meaning none. */
final class Labels {
    static final int MAX_LABEL = 200;
    static final int MAX_NOTE = 2000;
    static final int MAX_DISPLAY_NAME = 100;

    private Labels() {
    }

    static String text(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidInputException(field, field + " is longer than " + max + " characters");
        }
        if (v.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new InvalidInputException(field, field + " contains control characters");
        }
        return v.isEmpty() ? null : v;
    }

    /** Shown in From when the owner writes as the alias: one line of visible text; blank clears it. */
    static String displayName(String value) {
        String v = text("display_name", value, MAX_DISPLAY_NAME);
        if (v != null && v.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("display_name", "display_name must be a single line");
        }
        return v;
    }
}
