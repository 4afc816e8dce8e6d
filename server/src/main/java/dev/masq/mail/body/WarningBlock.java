package dev.masq.mail.body;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Puts a short warning at the top of what a person reads, so that it shows in any mail client: at the start of
 * the first plain-text part and inside the body of the first HTML part, each written in its part's own charset
 * and transfer encoding, so the MIME structure stays what it was. Parts it cannot write safely (a charset that
 * is not ASCII-compatible, a base64 part larger than {@link #MAX_REENCODE}) are left alone.
 */
public final class WarningBlock {
    static final int MAX_REENCODE = 2 * 1024 * 1024;
    /** How far into an HTML part its {@code <body>} tag is looked for. */
    private static final int BODY_TAG_WINDOW = 64 * 1024;

    private WarningBlock() {
    }

    /**
     * The message (header section at 0) with {@code lines} inserted; the message itself when it has no text
     * part to put them in.
     */
    public static byte[] insert(byte[] message, List<String> lines) {
        List<Edit> edits = new ArrayList<>();
        boolean plainDone = false;
        boolean htmlDone = false;
        for (MimeParts.Leaf leaf : MimeParts.leaves(message)) {
            if (!leaf.isText()) {
                continue;
            }
            boolean html = leaf.type().equals("text/html");
            if (html ? htmlDone : plainDone) {
                continue;
            }
            Edit edit = edit(message, leaf, html, lines);
            if (edit != null) {
                edits.add(edit);
                if (html) {
                    htmlDone = true;
                } else {
                    plainDone = true;
                }
            }
        }
        if (edits.isEmpty()) {
            return message;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 2048);
        int pos = 0;
        for (Edit e : edits) {
            out.write(message, pos, e.from() - pos);
            out.writeBytes(e.replacement());
            pos = e.to();
        }
        out.write(message, pos, message.length - pos);
        return out.toByteArray();
    }

    /** Replace {@code [from, to)} of the message with {@code replacement}. */
    private record Edit(int from, int to, byte[] replacement) {
    }

    private static Edit edit(byte[] m, MimeParts.Leaf leaf, boolean html, List<String> lines) {
        Charset cs = Codec.asciiCompatible(leaf.charset());
        if (cs == null) {
            return null;
        }
        String text = html ? html(lines) : plain(lines);
        if (Codec.isBase64(leaf.encoding())) {
            if (leaf.bodyEnd() - leaf.bodyStart() > MAX_REENCODE) {
                return null;
            }
            byte[] decoded = Codec.decode(m, leaf.bodyStart(), leaf.bodyEnd(), leaf.encoding(), MAX_REENCODE);
            int at = html ? afterBodyTag(decoded, 0, decoded.length) : 0;
            ByteArrayOutputStream plain = new ByteArrayOutputStream(decoded.length + text.length() + 8);
            plain.write(decoded, 0, at);
            plain.writeBytes(bytes(text, cs));
            plain.write(decoded, at, decoded.length - at);
            byte[] encoded = Codec.encode(plain.toByteArray(), leaf.encoding());
            return new Edit(leaf.bodyStart(), leaf.bodyEnd(), withFinalLineBreak(encoded));
        }
        int at = html ? afterBodyTag(m, leaf.bodyStart(), leaf.bodyEnd()) : leaf.bodyStart();
        if (Codec.isQuotedPrintable(leaf.encoding())) {
            byte[] encoded = withFinalLineBreak(Codec.encode(bytes(text, cs), leaf.encoding()));
            // After a tag, mid-line: a soft break first ends the line, one last joins the original rest of it.
            byte[] soft = "=\r\n".getBytes(StandardCharsets.US_ASCII);
            return new Edit(at, at, html ? concat(soft, encoded, soft) : encoded);
        }
        // 7bit promises ASCII: anything else in the warning becomes '?'.
        Charset written = leaf.encoding().equals("7bit") ? StandardCharsets.US_ASCII : cs;
        return new Edit(at, at, bytes(text, written));
    }

    private static String plain(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append(line).append("\r\n");
        }
        return sb.append("----\r\n\r\n").toString();
    }

    private static String html(List<String> lines) {
        StringBuilder sb = new StringBuilder("<div style=\"border:2px solid #b00;padding:8px;margin:0 0 12px 0;"
                + "font-family:sans-serif;color:#000;background:#fee\">\r\n");
        for (int i = 0; i < lines.size(); i++) {
            sb.append(i == 0 ? "<strong>" : "").append(escape(lines.get(i))).append(i == 0 ? "</strong>" : "")
                    .append("<br>\r\n");
        }
        return sb.append("</div>\r\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Just past the {@code <body ...>} tag when there is one near the start; else the start itself. */
    private static int afterBodyTag(byte[] m, int from, int to) {
        int end = Math.min(to, from + BODY_TAG_WINDOW);
        String window = new String(m, from, end - from, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        int tag = window.indexOf("<body");
        if (tag < 0) {
            return from;
        }
        int close = window.indexOf('>', tag);
        return close < 0 ? from : from + close + 1;
    }

    private static byte[] bytes(String text, Charset cs) {
        CharsetEncoder encoder = cs.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(new byte[]{'?'});
        try {
            ByteBuffer buf = encoder.encode(CharBuffer.wrap(text));
            byte[] out = new byte[buf.remaining()];
            buf.get(out);
            return out;
        } catch (CharacterCodingException e) {
            return text.getBytes(StandardCharsets.US_ASCII);
        }
    }

    private static byte[] withFinalLineBreak(byte[] b) {
        if (b.length >= 2 && b[b.length - 2] == '\r' && b[b.length - 1] == '\n') {
            return b;
        }
        return concat(b, new byte[]{'\r', '\n'});
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
