package dev.masq.mail.reply;

import dev.masq.mail.forward.HeaderBlock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Header;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.field.DefaultFieldParser;
import org.apache.james.mime4j.message.BasicBodyFactory;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.message.DefaultMessageWriter;
import org.apache.james.mime4j.message.HeaderImpl;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.util.ByteArrayBuffer;
import org.apache.james.mime4j.util.MimeUtil;

/**
 * Turns a message the owner wrote into the copy a contact receives from the alias. The header
 * is rebuilt from the raw fields: only those on a short list of harmless ones survive (everything that
 * traces the path or the client, {@code User-Agent}, {@code X-Mailer}, {@code Sender},
 * {@code Reply-To}, signatures, is dropped), {@code From} is the alias and {@code Message-ID} is new
 * on the alias domain. In every kept field and every text part, decoded whatever its transfer
 * encoding, the inboxes become the alias and reverse aliases their contacts. A body with
 * nothing to swap goes on as the exact bytes the client wrote; only one that had to change is
 * written anew by mime4j.
 */
final class ReplyRewriter {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final Set<String> KEPT = Set.of("to", "cc", "subject", "date", "in-reply-to", "references",
            "mime-version", "content-type", "content-transfer-encoding", "content-disposition", "content-language",
            "content-id", "content-description", "list-unsubscribe", "list-unsubscribe-post",
            "importance", "priority", "x-priority", "sensitivity", "thread-topic", "thread-index", "keywords",
            "comments", "accept-language", "auto-submitted", "precedence");
    private static final Set<String> ADDRESS_LISTS = Set.of("to", "cc");

    /**
     * @param from      the new From field value, already formatted
     * @param messageId the new Message-ID, with angle brackets
     */
    byte[] rewrite(byte[] original, String from, String messageId, Swaps swaps) {
        try {
            HeaderBlock headers = HeaderBlock.parse(original);
            ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + 1024);
            write(out, "From: " + MimeUtil.fold(from, 6) + "\r\n");
            write(out, "Message-ID: " + messageId + "\r\n");
            for (HeaderBlock.Field f : headers.fields()) {
                String name = f.name().toLowerCase(Locale.ROOT);
                if (ADDRESS_LISTS.contains(name)) {
                    String value = AddressLists.rewrite(field(original, f).getBody(), swaps);
                    if (!value.isEmpty()) {
                        write(out, f.name() + ": " + MimeUtil.fold(value, f.name().length() + 2) + "\r\n");
                    }
                } else if (KEPT.contains(name)) {
                    String raw = new String(original, f.start(), f.end() - f.start(), StandardCharsets.ISO_8859_1);
                    out.writeBytes(swaps.apply(raw).getBytes(StandardCharsets.ISO_8859_1));
                    if (!raw.endsWith("\n")) {
                        out.writeBytes(CRLF); // the last line of a message without a body
                    }
                }
            }
            Message message = parse(original);
            if (rewriteBody(message, swaps)) {
                // Written whole so mime4j applies the top-level transfer encoding; only its body is taken.
                ByteArrayOutputStream written = new ByteArrayOutputStream(original.length + 1024);
                new DefaultMessageWriter().writeMessage(message, written);
                byte[] bytes = written.toByteArray();
                int bodyStart = HeaderBlock.parse(bytes).bodyStart();
                out.write(bytes, bodyStart, bytes.length - bodyStart);
            } else {
                if (headers.isEmpty() && !startsWithBlankLine(original)) {
                    out.writeBytes(CRLF);
                }
                int body = headers.isEmpty() ? 0 : blankLine(original, headers.bodyStart());
                out.write(original, body, original.length - body);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Swaps addresses throughout the entity's body; true if anything changed. */
    private boolean rewriteBody(Entity entity, Swaps swaps) throws IOException {
        Body body = entity.getBody();
        boolean changed = false;
        if (body instanceof Multipart multipart) {
            String preamble = swaps.apply(multipart.getPreamble());
            String epilogue = swaps.apply(multipart.getEpilogue());
            if (!Objects.equals(preamble, multipart.getPreamble()) || !Objects.equals(epilogue, multipart.getEpilogue())) {
                multipart.setPreamble(preamble);
                multipart.setEpilogue(epilogue);
                changed = true;
            }
            for (Entity part : multipart.getBodyParts()) {
                Header header = swapFields(part.getHeader(), swaps);
                if (header != part.getHeader()) {
                    part.setHeader(header);
                    changed = true;
                }
                changed |= rewriteBody(part, swaps);
            }
        } else if (body instanceof Message attached) {
            // A forwarded or bounced message carries addresses in its own header too.
            Header header = swapFields(attached.getHeader(), swaps);
            if (header != attached.getHeader()) {
                attached.setHeader(header);
                changed = true;
            }
            changed |= rewriteBody(attached, swaps);
        } else if (body instanceof TextBody text && entity.getMimeType().startsWith("text/")) {
            String content = read(text);
            String swapped = swaps.apply(content);
            if (!swapped.equals(content)) {
                entity.removeBody();
                entity.setBody(BasicBodyFactory.INSTANCE.textBody(swapped, text.getMimeCharset()));
                changed = true;
            }
        }
        return changed;
    }

    /** The header itself when no field has anything to swap, else a copy with the swapped fields. */
    private static Header swapFields(Header header, Swaps swaps) {
        if (header == null) {
            return null;
        }
        Header out = new HeaderImpl();
        boolean changed = false;
        for (Field f : header.getFields()) {
            Field swapped = swapped(f, swaps);
            changed |= swapped != f;
            out.addField(swapped);
        }
        return changed ? out : header;
    }

    /** The field with addresses swapped in its raw bytes (8-bit bytes kept as they are), or itself if none. */
    private static Field swapped(Field f, Swaps swaps) {
        String raw = f.getRaw() == null ? f.getName() + ": " + f.getBody()
                : new String(f.getRaw().toByteArray(), StandardCharsets.ISO_8859_1);
        String out = swaps.apply(raw);
        if (out.equals(raw) && f.getRaw() != null) {
            return f;
        }
        byte[] bytes = out.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return DefaultFieldParser.parse(new ByteArrayBuffer(bytes, true), DecodeMonitor.SILENT);
        } catch (MimeException e) {
            throw new IllegalStateException("field no longer parses after swapping addresses", e);
        }
    }

    /** A raw header field as mime4j reads it, for its unfolded value. */
    private static Field field(byte[] message, HeaderBlock.Field f) {
        try {
            int end = f.end();
            while (end > f.start() && (message[end - 1] == '\n' || message[end - 1] == '\r')) {
                end--;
            }
            return DefaultFieldParser.parse(new ByteArrayBuffer(Arrays.copyOfRange(message, f.start(), end), true),
                    DecodeMonitor.SILENT);
        } catch (MimeException e) {
            throw new IllegalStateException("header field does not parse: " + f.name(), e);
        }
    }

    /**
     * Where the blank line that ends the header is, from {@code from} on. A line that is no header
     * field ends {@link HeaderBlock}'s fields early; what follows it up to the blank line (a trace
     * field among them, perhaps) is header to mime4j and must not slip through as body.
     */
    private static int blankLine(byte[] m, int from) {
        int line = from;
        while (line < m.length && m[line] != '\r' && m[line] != '\n') {
            while (line < m.length && m[line] != '\n') {
                line++;
            }
            line++;
        }
        return Math.min(line, m.length);
    }

    private static boolean startsWithBlankLine(byte[] m) {
        return m.length >= 2 && m[0] == '\r' && m[1] == '\n';
    }

    private static void write(ByteArrayOutputStream out, String s) {
        // Names are RFC 2047-encoded by mime4j; only an internationalised address (RFC 6532, jösé@...) is not ASCII.
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String read(TextBody text) throws IOException {
        try (var reader = text.getReader()) {
            StringBuilder sb = new StringBuilder();
            char[] buffer = new char[8192];
            for (int n; (n = reader.read(buffer)) >= 0; ) {
                sb.append(buffer, 0, n);
            }
            return sb.toString();
        }
    }

    private static Message parse(byte[] original) throws IOException {
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
        builder.setDecodeMonitor(DecodeMonitor.SILENT);
        return builder.parseMessage(new ByteArrayInputStream(original));
    }
}
