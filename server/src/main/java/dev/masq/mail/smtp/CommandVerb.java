package dev.masq.mail.smtp;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The command word of an SMTP command line, upper-cased: {@code "RCPT"} of {@code "rcpt TO:<a@b>\r\n"}. */
final class CommandVerb {
    private CommandVerb() {
    }

    static String of(byte[] line) {
        int end = 0;
        while (end < line.length && line[end] != ' ' && line[end] != '\r' && line[end] != '\n') {
            end++;
        }
        return new String(line, 0, end, StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT);
    }
}
