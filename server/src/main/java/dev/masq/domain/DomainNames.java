package dev.masq.domain;

import dev.masq.common.InvalidInputException;
import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The names users may bring or claim: checked and in the one form they are stored, looked up and mailed under. */
final class DomainNames {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9][a-z0-9-]{1,30}[a-z0-9]");

    private DomainNames() {
    }

    /** A domain of the user's own as its A-label (an internationalised name in punycode), never one of ours. */
    static String custom(String raw, List<String> ours) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("domain", "give a domain name, e.g. mine.example");
        }
        String name = raw.trim().toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        try {
            name = IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("domain", "not a valid domain name: " + raw.trim());
        }
        String[] labels = name.split("\\.", -1);
        if (labels.length < 2 || name.length() > 253 || labels[labels.length - 1].matches("[0-9]+")) {
            throw new InvalidInputException("domain", "not a valid domain name: " + raw.trim());
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw new InvalidInputException("domain", "not a valid domain name: " + raw.trim());
            }
        }
        for (String own : ours) {
            if (name.equals(own) || name.endsWith("." + own)) {
                throw new InvalidInputException("domain", name + " is an alias domain of this server (or under one): "
                        + "claim a subdomain of it instead");
            }
        }
        return name;
    }

    /** A subdomain label: 3 to 32 letters, digits and hyphens, not one the operator reserves. */
    static String subdomain(String raw, Set<String> reserved) {
        String label = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (!SUBDOMAIN.matcher(label).matches()) {
            throw new InvalidInputException("subdomain", "a subdomain is 3 to 32 letters, digits and hyphens, "
                    + "not starting or ending with a hyphen");
        }
        if (reserved.contains(label)) {
            throw new InvalidInputException("subdomain", "the subdomain " + label + " is reserved on this server");
        }
        return label;
    }

    /** Which of our domains a subdomain is claimed under: the first unless {@code parent} names another. */
    static String parent(String raw, List<String> ours) {
        if (raw == null || raw.isBlank()) {
            return ours.getFirst();
        }
        String parent = raw.trim().toLowerCase(Locale.ROOT);
        if (!ours.contains(parent)) {
            throw new InvalidInputException("parent", "not an alias domain of this server: " + parent);
        }
        return parent;
    }
}
