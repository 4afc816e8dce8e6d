package dev.masq.mail.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.codec.QuotedPrintableOutputStream;

/**
 * 8-bit body parts made 7-bit for a next hop without 8BITMIME (RFC 6152 §3): each leaf part whose
 * body has 8-bit octets and is not already base64 or quoted-printable is re-encoded as
 * quoted-printable, which decodes to the same octets. Multiparts and attached messages are walked;
 * every other byte is copied. (As with any such conversion, a DKIM signature over the body no longer
 * verifies; every major inbox provider offers 8BITMIME, so this is the rare path.)
 */
final class QuotedPrintableBodies {
    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary\\s*=\\s*(?:\"([^\"]+)\"|([^;\\s]+))");
    private static final byte[] CTE = "Content-Transfer-Encoding: quoted-printable\r\n".getBytes(StandardCharsets.US_ASCII);

    private QuotedPrintableBodies() {
    }

    static byte[] convert(byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + message.length / 4);
        write(out, RawEntity.parse(message));
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, RawEntity e) {
        byte[] b = e.bytes();
        String type = e.lowerValue("Content-Type");
        String cte = e.lowerValue("Content-Transfer-Encoding");
        Matcher boundary = BOUNDARY.matcher(e.value("Content-Type"));
        if (type.startsWith("multipart/") && boundary.find()) {
            out.write(b, e.from(), e.bodyStart() - e.from());
            multipart(out, b, e.bodyStart(), e.to(), boundary.group(1) != null ? boundary.group(1) : boundary.group(2));
        } else if (type.startsWith("message/rfc822")) {
            out.write(b, e.from(), e.bodyStart() - e.from());
            write(out, RawEntity.parse(b, e.bodyStart(), e.to()));
        } else if (!cte.startsWith("base64") && !cte.startsWith("quoted-printable")
                && RawEntity.eightBit(b, e.bodyStart(), e.to())) {
            for (RawEntity.Field f : e.fields()) {
                if (!f.is("Content-Transfer-Encoding")) {
                    out.write(b, f.start(), f.end() - f.start());
                }
            }
            out.writeBytes(CTE);
            out.write(b, e.headerEnd(), e.bodyStart() - e.headerEnd());
            try (QuotedPrintableOutputStream qp = new QuotedPrintableOutputStream(out, false)) {
                qp.write(b, e.bodyStart(), e.to() - e.bodyStart());
            } catch (IOException x) {
                throw new UncheckedIOException(x); // a ByteArrayOutputStream does not fail
            }
        } else {
            out.write(b, e.from(), e.to() - e.from());
        }
    }

    /** Preamble and epilogue as they are, each part converted; a part ends before the CRLF of the next delimiter. */
    private static void multipart(ByteArrayOutputStream out, byte[] b, int from, int to, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        List<int[]> lines = new ArrayList<>(); // [start, end) of each delimiter line, its line ending included
        for (int pos = from; pos < to; ) {
            int end = pos;
            while (end < to && b[end] != '\n') {
                end++;
            }
            end = Math.min(end + 1, to);
            if (startsWith(b, pos, end, delimiter)) {
                lines.add(new int[] {pos, end});
            }
            pos = end;
        }
        int pos = from;
        boolean closed = false;
        for (int i = 0; i < lines.size() && !closed; i++) {
            int[] line = lines.get(i);
            if (i > 0) {
                int partEnd = line[0] >= 2 && b[line[0] - 2] == '\r' ? line[0] - 2 : line[0] - 1;
                write(out, RawEntity.parse(b, pos, Math.max(pos, partEnd)));
                pos = Math.max(pos, partEnd);
            }
            out.write(b, pos, line[1] - pos);
            pos = line[1];
            // After the close delimiter comes the epilogue, copied as it is.
            closed = startsWith(b, line[0] + delimiter.length, line[1], new byte[] {'-', '-'});
        }
        if (!closed && !lines.isEmpty()) {
            write(out, RawEntity.parse(b, pos, to)); // a last part nobody closed
        } else {
            out.write(b, pos, to - pos);
        }
    }

    private static boolean startsWith(byte[] b, int from, int to, byte[] prefix) {
        if (to - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
