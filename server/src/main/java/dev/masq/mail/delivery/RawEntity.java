package dev.masq.mail.delivery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A MIME entity (a message or a body part) as bytes: its header fields, each with its folded lines
 * and line ending, and where its body starts. For the conversions a next hop may need, which change
 * only some fields and bodies and copy every other byte.
 */
record RawEntity(byte[] bytes, int from, List<Field> fields, int bodyStart, int to) {

    /** {@code [start, end)}: the whole field; {@code name} as written. */
    record Field(String name, int start, int end) {
        boolean is(String other) {
            return name.equalsIgnoreCase(other);
        }
    }

    static RawEntity parse(byte[] bytes, int from, int to) {
        List<Field> fields = new ArrayList<>();
        int pos = from;
        while (pos < to && bytes[pos] != '\r' && bytes[pos] != '\n') {
            int colon = -1;
            for (int i = pos; i < to && bytes[i] != '\n'; i++) {
                if (bytes[i] == ':') {
                    colon = i;
                    break;
                }
            }
            if (colon < 0 || bytes[pos] == ' ' || bytes[pos] == '\t') {
                break; // not a header field: the body starts here
            }
            int end = pos;
            do {
                end = lineEnd(bytes, end, to);
            } while (end < to && (bytes[end] == ' ' || bytes[end] == '\t'));
            fields.add(new Field(new String(bytes, pos, colon - pos, StandardCharsets.US_ASCII).strip(), pos, end));
            pos = end;
        }
        int body = pos;
        if (body < to && bytes[body] == '\r') {
            body++;
        }
        if (body < to && bytes[body] == '\n') {
            body++;
        }
        return new RawEntity(bytes, from, List.copyOf(fields), body, to);
    }

    static RawEntity parse(byte[] bytes) {
        return parse(bytes, 0, bytes.length);
    }

    /** The unfolded value of the first field called {@code name}; empty when there is none. */
    String value(String name) {
        for (Field f : fields) {
            if (f.is(name)) {
                return unfolded(f);
            }
        }
        return "";
    }

    /** {@link #value} in lower case, for the names of types and encodings. */
    String lowerValue(String name) {
        return value(name).toLowerCase(Locale.ROOT);
    }

    /** A field's value after the colon, unfolded and stripped, its bytes read as UTF-8. */
    String unfolded(Field f) {
        String raw = new String(bytes, f.start(), f.end() - f.start(), StandardCharsets.UTF_8);
        return raw.substring(raw.indexOf(':') + 1).replace("\r\n", "").replace("\n", "").strip();
    }

    /** Where the header section ends: the blank line, or the body when there is none. */
    int headerEnd() {
        return fields.isEmpty() ? from : fields.getLast().end();
    }

    static boolean eightBit(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                return true;
            }
        }
        return false;
    }

    private static int lineEnd(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i + 1;
            }
        }
        return to;
    }
}
