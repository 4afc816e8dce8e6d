package dev.masq.mail.forward;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The header section of a raw message, split into fields by byte offsets. Nothing is decoded or
 * copied: a field we do not rewrite is sent on as the exact bytes it arrived as, so signatures over
 * it and odd encodings survive. Parsing never fails; a message that does not start with a header
 * field simply has no fields.
 */
public final class HeaderBlock {
    private final byte[] message;
    private final List<Field> fields;
    private final int bodyStart;

    /** One header field: {@code [start, end)} covers its name, value, folded lines and line ending. */
    public record Field(String name, int start, int valueStart, int end) {
        public boolean is(String other) {
            return name.equalsIgnoreCase(other);
        }
    }

    private HeaderBlock(byte[] message, List<Field> fields, int bodyStart) {
        this.message = message;
        this.fields = fields;
        this.bodyStart = bodyStart;
    }

    public static HeaderBlock parse(byte[] message) {
        List<Field> fields = new ArrayList<>();
        int pos = 0;
        String name = null;
        int start = 0;
        int valueStart = 0;
        while (pos < message.length) {
            int next = lineEnd(message, pos);
            boolean continuation = message[pos] == ' ' || message[pos] == '\t';
            if (continuation && name != null) {
                pos = next;
                continue;
            }
            if (name != null) {
                fields.add(new Field(name, start, valueStart, pos));
                name = null;
            }
            int colon = continuation ? -1 : fieldNameEnd(message, pos, next);
            if (colon < 0) {
                break; // a blank line (the separator) or a line that is no header: the body starts here
            }
            name = new String(message, pos, colon, StandardCharsets.US_ASCII).strip();
            start = pos;
            valueStart = pos + colon + 1;
            pos = next;
        }
        if (name != null) {
            fields.add(new Field(name, start, valueStart, pos));
        }
        return new HeaderBlock(message, List.copyOf(fields), pos);
    }

    /** Offset just past the next LF, or the end of the message if the last line has none. */
    private static int lineEnd(byte[] m, int from) {
        for (int i = from; i < m.length; i++) {
            if (m[i] == '\n') {
                return i + 1;
            }
        }
        return m.length;
    }

    /** Position of the colon, relative to {@code from}, if the line starts a field; else -1. */
    private static int fieldNameEnd(byte[] m, int from, int to) {
        int i = from;
        while (i < to && m[i] > 32 && m[i] < 127 && m[i] != ':') {
            i++;
        }
        if (i == from) {
            return -1;
        }
        while (i < to && (m[i] == ' ' || m[i] == '\t')) {
            i++; // obsolete syntax allows white space before the colon
        }
        return i < to && m[i] == ':' ? i - from : -1;
    }

    public List<Field> fields() {
        return fields;
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    int count(String name) {
        int n = 0;
        for (Field f : fields) {
            if (f.is(name)) {
                n++;
            }
        }
        return n;
    }

    public Field first(String name) {
        for (Field f : fields) {
            if (f.is(name)) {
                return f;
            }
        }
        return null;
    }

    /** The raw value of a field (after the colon, folding kept). */
    public byte[] value(Field f) {
        return Arrays.copyOfRange(message, f.valueStart(), f.end());
    }

    public byte[] message() {
        return message;
    }

    /** Where the part after the header fields starts: the blank separator line, or the body itself. */
    public int bodyStart() {
        return bodyStart;
    }
}
