package dev.masq.mail;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** A plain {@code local@domain} address (no display name, no comments, no source route). */
public record EmailAddress(String localPart, String domain) {
    // Dot-atom local parts only: quoted local parts are legal but are never issued by masq
    // and are a common vehicle for parser confusion.
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN = Pattern.compile("([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9-]{2,63}|localhost|[A-Za-z0-9-]+\\.localhost");

    public EmailAddress {
        localPart = localPart.toLowerCase(Locale.ROOT);
        domain = domain.toLowerCase(Locale.ROOT);
    }

    public static Optional<EmailAddress> parse(String raw) {
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
        if (local.length() > 64 || !LOCAL.matcher(local).matches() || !DOMAIN.matcher(domain).matches()) {
            return Optional.empty();
        }
        return Optional.of(new EmailAddress(local, domain));
    }

    @Override
    public String toString() {
        return localPart + "@" + domain;
    }
}
