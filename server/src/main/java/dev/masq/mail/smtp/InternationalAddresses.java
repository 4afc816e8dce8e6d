package dev.masq.mail.smtp;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;

/**
 * UTF-8 addresses (RFC 6531) through James 3.8.1, whose {@code MailAddress} refuses any non-ASCII
 * character in a dot-atom local part or a domain but takes them in a quoted local part. On the way
 * in, a domain becomes its A-label (the same domain, and the form DNS and every next hop accept) and
 * a UTF-8 local part is quoted; on the way out of James, that quoting is undone, so the rest of masq
 * sees {@code jösé@xn--exmple-cua.org}.
 */
final class InternationalAddresses {
    /** The path of a MAIL or RCPT argument: {@code FROM:<address>} or {@code TO:<address>}, then parameters. */
    private static final Pattern PATH = Pattern.compile("^(\\s*(?:FROM|TO)\\s*:\\s*<)([^<>\"@\\s]+)@([^<>\\s]+)>",
            Pattern.CASE_INSENSITIVE);
    /** An RFC 6531 dot-atom local part: atext, dots between, any UTF-8 beyond ASCII. */
    private static final Pattern UTF8_DOT_ATOM =
            Pattern.compile("[\\p{Alnum}!#$%&'*+/=?^_`{|}~\\-\\P{ASCII}]+(\\.[\\p{Alnum}!#$%&'*+/=?^_`{|}~\\-\\P{ASCII}]+)*");

    private InternationalAddresses() {
    }

    /** Whether the MAIL argument asks for SMTPUTF8 (a parameter after the path). */
    static boolean asksForSmtpUtf8(String argument) {
        int close = argument.indexOf('>');
        if (close < 0) {
            return false;
        }
        for (String parameter : argument.substring(close + 1).trim().split("\\s+")) {
            if (parameter.equalsIgnoreCase("SMTPUTF8")) {
                return true;
            }
        }
        return false;
    }

    /** {@code argument} with a non-ASCII address in the form James parses; unchanged when it is ASCII or malformed. */
    static String forJames(String argument) {
        Matcher m = PATH.matcher(argument);
        if (!m.find() || argument.chars().allMatch(c -> c < 128)) {
            return argument;
        }
        String local = m.group(2);
        String domain;
        try {
            domain = IDN.toASCII(m.group(3), IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return argument; // not a valid IDN: James answers it with its syntax error
        }
        if (!UTF8_DOT_ATOM.matcher(local).matches()) {
            return argument;
        }
        boolean ascii = local.chars().allMatch(c -> c < 128);
        return m.group(1) + (ascii ? local : "\"" + local + "\"") + "@" + domain + ">" + argument.substring(m.end());
    }

    /** The address as masq writes it: a quoted local part that is a UTF-8 dot-atom loses its quotes. */
    static String text(MailAddress address) {
        String local = address.getLocalPart();
        if (local.length() > 2 && local.startsWith("\"") && local.endsWith("\"")) {
            String inner = local.substring(1, local.length() - 1);
            if (!inner.chars().allMatch(c -> c < 128) && UTF8_DOT_ATOM.matcher(inner).matches()) {
                return inner + "@" + address.getDomain().asString().toLowerCase(Locale.ROOT);
            }
        }
        return address.asString();
    }

    /** The envelope sender as masq writes it; empty for the null reverse-path. */
    static String text(MaybeSender sender) {
        return sender.asOptional().map(InternationalAddresses::text).orElse("");
    }
}
