package dev.masq.mail;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** A plain {@code local@domain} address (no display name, no comments, no source route). */
public record EmailAddress(String localPart, String domain) {
    // Dot-atom local parts only: quoted local parts are legal but are never issued by masq
    // and are a common vehicle for parser confusion.
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    // RFC 6531 §3.3: an internationalised local part also takes UTF-8 beyond ASCII (jösé@exämple.org), never
    // controls, spaces or invisible format characters.
    private static final String UTF8_ATEXT = "([A-Za-z0-9!#$%&'*+/=?^_`{|}~-]|[^\\x00-\\x7F\\p{C}\\p{Z}])+";
    private static final Pattern LOCAL_UTF8 = Pattern.compile(UTF8_ATEXT + "(\\." + UTF8_ATEXT + ")*");
    private static final Pattern DOMAIN = Pattern.compile("([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9-]{2,63}|localhost|[A-Za-z0-9-]+\\.localhost");

    public EmailAddress {
        localPart = localPart.toLowerCase(Locale.ROOT);
        domain = domain.toLowerCase(Locale.ROOT);
    }

    public static Optional<EmailAddress> parse(String raw) {
        return parse(raw, LOCAL);
    }

    /**
     * An address as international mail (RFC 6531) may carry it: the local part may hold UTF-8, the domain is
     * taken in its A-label form. For the people who write to an alias and whom it writes to; an account's
     * inboxes stay {@link #parse plain}.
     */
    public static Optional<EmailAddress> parseInternational(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        int at = raw.lastIndexOf('@');
        if (at < 0 || raw.chars().skip(at).allMatch(c -> c < 0x80)) {
            return parse(raw, LOCAL_UTF8);
        }
        try {
            String domain = raw.substring(at + 1).strip();
            boolean bracket = domain.endsWith(">");
            String ascii = IDN.toASCII(bracket ? domain.substring(0, domain.length() - 1) : domain, IDN.ALLOW_UNASSIGNED);
            return parse(raw.substring(0, at + 1) + ascii + (bracket ? ">" : ""), LOCAL_UTF8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<EmailAddress> parse(String raw, Pattern localPattern) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.trim();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1);
        }
        int at = s.lastIndexOf('@');
        if (at <= 0 || at == s.length() - 1 || s.length() > 254) {
            return Optional.empty();
        }
        String local = s.substring(0, at);
        String domain = s.substring(at + 1);
        if (local.length() > 64 || !localPattern.matcher(local).matches() || !DOMAIN.matcher(domain).matches()) {
            return Optional.empty();
        }
        return Optional.of(new EmailAddress(local, domain));
    }

    @Override
    public String toString() {
        return localPart + "@" + domain;
    }
}
