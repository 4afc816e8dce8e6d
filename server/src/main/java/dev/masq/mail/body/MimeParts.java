package dev.masq.mail.body;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text parts of a raw message, found by byte offsets without decoding anything: the message itself when
 * it is a single part, else the leaves of its multipart tree. Bounded for hostile input: nesting depth and
 * the number of parts are capped, and each line is looked at once.
 */
final class MimeParts {
    private static final int MAX_DEPTH = 8;
    private static final int MAX_PARTS = 64;

    /**
     * One leaf: its body is {@code [bodyStart, bodyEnd)} of the message.
     *
     * @param type       lower-case {@code type/subtype}; {@code text/plain} when the part names none
     * @param charset    the charset parameter, null when absent
     * @param encoding   lower-case Content-Transfer-Encoding; {@code 7bit} when absent
     * @param attachment whether Content-Disposition says attachment
     */
    record Leaf(int bodyStart, int bodyEnd, String type, String charset, String encoding, boolean attachment) {
        boolean isText() {
            return !attachment && (type.equals("text/plain") || type.equals("text/html"));
        }
    }

    private MimeParts() {
    }

    /** The leaves of the message whose header section starts at 0. */
    static List<Leaf> leaves(byte[] message) {
        List<Leaf> out = new ArrayList<>();
        walk(message, 0, message.length, 0, out);
        return out;
    }

    private static void walk(byte[] m, int start, int end, int depth, List<Leaf> out) {
        if (out.size() >= MAX_PARTS) {
            return;
        }
        PartHeaders h = PartHeaders.read(m, start, end);
        String boundary = h.parameter("boundary");
        if (h.type().startsWith("multipart/") && boundary != null && depth < MAX_DEPTH) {
            byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
            int partStart = -1;
            int pos = h.bodyStart();
            while (pos < end && out.size() < MAX_PARTS) {
                int next = lineEnd(m, pos, end);
                if (startsWith(m, pos, next, delimiter)) {
                    if (partStart >= 0) {
                        // The line break in front of a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
                        walk(m, partStart, Math.max(partStart, pos - 2), depth + 1, out);
                    }
                    boolean close = pos + delimiter.length + 1 < next && m[pos + delimiter.length] == '-'
                            && m[pos + delimiter.length + 1] == '-';
                    if (close) {
                        return;
                    }
                    partStart = next;
                }
                pos = next;
            }
            return;
        }
        String disposition = h.disposition();
        out.add(new Leaf(h.bodyStart(), end, h.type(), h.parameter("charset"), h.encoding(),
                disposition != null && disposition.toLowerCase(Locale.ROOT).startsWith("attachment")));
    }

    static int lineEnd(byte[] m, int from, int end) {
        for (int i = from; i < end; i++) {
            if (m[i] == '\n') {
                return i + 1;
            }
        }
        return end;
    }

    private static boolean startsWith(byte[] m, int pos, int lineEnd, byte[] prefix) {
        if (lineEnd - pos < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (m[pos + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
