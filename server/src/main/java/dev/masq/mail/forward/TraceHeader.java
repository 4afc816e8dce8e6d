package dev.masq.mail.forward;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Our {@code Received} line (RFC 5321 §4.4) for the forwarded copy. Built here rather than by James's
 * filter, which looks up the client's host name in DNS on the session thread, and so that the hop
 * count sees only the headers the client sent.
 */
final class TraceHeader {
    private static final int MAX_HELO = 255;

    private TraceHeader() {
    }

    static String received(InboundMessage message, String hostname, String aliasAddress, Instant at) {
        return "Received: from " + helo(message.heloName()) + " ([" + message.clientAddress() + "])\r\n"
                + "\tby " + hostname + " (masq) with " + message.protocol() + "\r\n"
                + "\tfor <" + aliasAddress + ">; "
                + DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC)) + "\r\n";
    }

    /** The name the client gave is its own claim: keep only characters a host name or address literal uses. */
    private static String helo(String name) {
        if (name == null) {
            return "unknown";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length() && sb.length() < MAX_HELO; i++) {
            char c = name.charAt(i);
            if (c < 128 && (Character.isLetterOrDigit(c) || ".-_:[]".indexOf(c) >= 0)) {
                sb.append(c);
            }
        }
        return sb.isEmpty() ? "unknown" : sb.toString();
    }
}
