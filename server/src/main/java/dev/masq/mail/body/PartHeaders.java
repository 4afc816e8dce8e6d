package dev.masq.mail.body;

import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParseException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The three header fields of a MIME part that say how to read its body, and where the body starts. */
record PartHeaders(String type, ContentType contentType, String encoding, String disposition, int bodyStart) {
    /** Header sections longer than this are not read further: their part is taken as plain text. */
    private static final int MAX_HEADER = 64 * 1024;

    static PartHeaders read(byte[] m, int start, int end) {
        String contentType = null;
        String encoding = null;
        String disposition = null;
        StringBuilder current = null;
        String name = null;
        int pos = start;
        int limit = Math.min(end, start + MAX_HEADER);
        while (pos < limit) {
            int next = MimeParts.lineEnd(m, pos, end);
            String line = new String(m, pos, next - pos, StandardCharsets.ISO_8859_1).stripTrailing();
            boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            if (!continuation && name != null) {
                switch (name) {
                    case "content-type" -> contentType = current.toString();
                    case "content-transfer-encoding" -> encoding = current.toString();
                    case "content-disposition" -> disposition = current.toString();
                    default -> {
                    }
                }
                name = null;
            }
            if (line.isEmpty()) {
                pos = next;
                break;
            }
            if (continuation) {
                if (current != null) {
                    current.append(' ').append(line.strip());
                }
            } else {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    break; // not a header line: the body starts here
                }
                name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                current = new StringBuilder(line.substring(colon + 1).strip());
            }
            pos = next;
        }
        ContentType parsed = parse(contentType);
        String type = parsed == null ? "text/plain" : parsed.getBaseType().toLowerCase(Locale.ROOT);
        return new PartHeaders(type, parsed, encoding == null ? "7bit" : encoding.strip().toLowerCase(Locale.ROOT),
                disposition, pos);
    }

    String parameter(String name) {
        return contentType == null ? null : contentType.getParameter(name);
    }

    private static ContentType parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return new ContentType(value);
        } catch (ParseException e) {
            return null;
        }
    }
}
