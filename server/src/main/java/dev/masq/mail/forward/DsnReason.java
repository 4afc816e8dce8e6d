package dev.masq.mail.forward;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A short reason from a delivery status notification, if one is cheap to find: the diagnostic or the status code. */
final class DsnReason {
    private static final int SCAN_LIMIT = 64 * 1024;
    private static final int MAX_REASON = 200;

    private DsnReason() {
    }

    static String of(byte[] message) {
        String text = new String(message, 0, Math.min(message.length, SCAN_LIMIT), StandardCharsets.ISO_8859_1);
        String diagnostic = field(text, "diagnostic-code:");
        return diagnostic != null ? diagnostic : field(text, "status:");
    }

    private static String field(String text, String name) {
        String lower = text.toLowerCase(Locale.ROOT);
        int at = lower.startsWith(name) ? 0 : lower.indexOf("\n" + name);
        if (at < 0) {
            return null;
        }
        int start = lower.indexOf(':', at) + 1;
        int end = lower.indexOf('\n', start);
        String value = text.substring(start, end < 0 ? text.length() : end).replaceAll("\\p{Cntrl}", " ").strip();
        if (value.isEmpty()) {
            return null;
        }
        return value.length() > MAX_REASON ? value.substring(0, MAX_REASON) : value;
    }
}
