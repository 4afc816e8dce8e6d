package dev.masq.mail;

import java.io.ByteArrayOutputStream;

/**
 * Keeps every line of an outgoing message within SMTP's 1,000 octets including CRLF (RFC 5321
 * §4.5.3.1.6), which the next hop is entitled to enforce: a longer line would have it refuse a
 * message masq has already answered 250 for. As Postfix does ({@code smtp_line_length_limit}), a
 * long line is broken by inserting CRLF and a space, so that the rest continues a header field and
 * can never be mistaken for a MIME boundary or a new field. A header line is folded at its last
 * white space within the limit where it has one (RFC 5322 §2.2.3), which unfolding undoes exactly.
 * Run before DKIM signing, so that the signature covers the bytes that are sent.
 */
public final class LineLimit {
    /** Octets of a line, not counting its CRLF. */
    static final int MAX = 998;
    private static final byte[] BREAK = {'\r', '\n', ' '};
    private static final byte[] FOLD = {'\r', '\n'};

    private LineLimit() {
    }

    /** {@code message} itself when no line is too long; else a copy with the long lines broken. */
    public static byte[] apply(byte[] message) {
        if (!hasLongLine(message)) {
            return message;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + message.length / MAX * 3 + 3);
        boolean inHeader = true;
        int pos = 0;
        while (pos < message.length) {
            int end = contentEnd(message, pos);
            int next = lineEnd(message, end);
            if (end == pos) {
                inHeader = false; // the blank line that ends the header section
            }
            write(out, message, pos, end, inHeader);
            out.write(message, end, next - end);
            pos = next;
        }
        return out.toByteArray();
    }

    private static boolean hasLongLine(byte[] m) {
        int start = 0;
        for (int i = 0; i < m.length; i++) {
            if (m[i] == '\n') {
                int end = i > start && m[i - 1] == '\r' ? i - 1 : i;
                if (end - start > MAX) {
                    return true;
                }
                start = i + 1;
            }
        }
        return m.length - start > MAX;
    }

    /** Writes the line {@code [from, to)} (without its line ending) in pieces of at most {@link #MAX} octets. */
    private static void write(ByteArrayOutputStream out, byte[] m, int from, int to, boolean header) {
        int start = from;
        boolean first = true;
        while (to - start > (first ? MAX : MAX - 1)) {
            // A continuation starts with the inserted space (or the white space it was folded at), which counts.
            int limit = start + (first ? MAX : MAX - 1);
            int cut = header ? lastWhiteSpace(m, start + 1, limit) : -1;
            if (cut > 0) {
                out.write(m, start, cut - start);
                out.writeBytes(FOLD);
                start = cut;
                // The white space now opens the continuation line: the next piece may be one octet longer.
                first = true;
                continue;
            }
            cut = characterBoundary(m, start, limit);
            out.write(m, start, cut - start);
            out.writeBytes(BREAK);
            start = cut;
            first = false;
        }
        out.write(m, start, to - start);
    }

    /** The last space or tab in {@code (from, to]} followed by something other than white space, or -1. */
    private static int lastWhiteSpace(byte[] m, int from, int to) {
        for (int i = to; i > from; i--) {
            if ((m[i] == ' ' || m[i] == '\t') && m[i - 1] != ' ' && m[i - 1] != '\t') {
                return i;
            }
        }
        return -1;
    }

    /** {@code limit}, or the start of the UTF-8 sequence it falls inside, so no character is split. */
    private static int characterBoundary(byte[] m, int from, int limit) {
        int cut = limit;
        while (cut > from + 1 && (m[cut] & 0xC0) == 0x80 && limit - cut < 3) {
            cut--;
        }
        return (m[cut] & 0xC0) == 0x80 ? limit : cut;
    }

    /** Offset of the line's CR LF (or bare LF, or end of message) starting at {@code from}. */
    private static int contentEnd(byte[] m, int from) {
        for (int i = from; i < m.length; i++) {
            if (m[i] == '\n') {
                return i > from && m[i - 1] == '\r' ? i - 1 : i;
            }
        }
        return m.length;
    }

    private static int lineEnd(byte[] m, int contentEnd) {
        if (contentEnd < m.length && m[contentEnd] == '\r' && contentEnd + 1 < m.length && m[contentEnd + 1] == '\n') {
            return contentEnd + 2;
        }
        return contentEnd < m.length ? contentEnd + 1 : contentEnd;
    }
}
