package dev.masq.testing;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Reading forwarded messages in tests: the header section as unfolded fields, the body as bytes. */
public final class Messages {
    private Messages() {
    }

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    public static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** Index just past the first CRLF CRLF (where the body starts), or -1. */
    public static int bodyStart(byte[] message) {
        for (int i = 0; i + 3 < message.length; i++) {
            if (message[i] == '\r' && message[i + 1] == '\n' && message[i + 2] == '\r' && message[i + 3] == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    /** Octets of the message's longest line, its CRLF included: SMTP allows 1,000 (RFC 5321 §4.5.3.1.6). */
    public static int longestLine(byte[] message) {
        int longest = 0;
        int start = 0;
        for (int i = 0; i < message.length; i++) {
            if (message[i] == '\n') {
                longest = Math.max(longest, i + 1 - start);
                start = i + 1;
            }
        }
        return Math.max(longest, message.length - start);
    }

    public static byte[] body(byte[] message) {
        return Arrays.copyOfRange(message, bodyStart(message), message.length);
    }

    /** The raw header section, folded lines and all, without the blank line that ends it. */
    public static String headerSection(byte[] message) {
        return text(Arrays.copyOfRange(message, 0, bodyStart(message) - 2));
    }

    /** Unfolded values of every field called {@code name}, in order. */
    public static List<String> values(byte[] message, String name) {
        List<String> out = new ArrayList<>();
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        for (String field : headerSection(message).split("\r\n(?![ \t])")) {
            if (field.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                out.add(field.substring(prefix.length()).replace("\r\n", "").strip());
            }
        }
        return out;
    }

    /** Parses an address field strictly, the way a mail client would. */
    public static InternetAddress[] addresses(String value) {
        try {
            return InternetAddress.parseHeader(value, true);
        } catch (AddressException e) {
            throw new AssertionError("not a valid address list: " + value, e);
        }
    }
}
