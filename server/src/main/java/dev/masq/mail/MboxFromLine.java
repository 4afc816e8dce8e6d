package dev.masq.mail;

import java.util.Arrays;

/**
 * The mbox separator ({@code From sender@example.com Mon Jan  1 00:00:00 2024}, no colon) that some
 * clients and scripts leave in front of a message. It is no header field, so a parser would end the
 * header section there and read every real field as body; MTAs drop it before parsing, and so do we.
 */
public final class MboxFromLine {
    private static final byte[] PREFIX = {'F', 'r', 'o', 'm', ' '};

    private MboxFromLine() {
    }

    /** {@code message} without its first line if that line is an mbox separator; else {@code message} itself. */
    public static byte[] strip(byte[] message) {
        if (message.length < PREFIX.length || !Arrays.equals(message, 0, PREFIX.length, PREFIX, 0, PREFIX.length)) {
            return message;
        }
        int i = PREFIX.length;
        while (i < message.length && (message[i] == ' ' || message[i] == '\t')) {
            i++;
        }
        if (i < message.length && message[i] == ':') {
            return message; // "From :" is a header field in the obsolete syntax (RFC 5322 §4.5)
        }
        for (; i < message.length; i++) {
            if (message[i] == '\n') {
                return Arrays.copyOfRange(message, i + 1, message.length);
            }
        }
        return message;
    }
}
