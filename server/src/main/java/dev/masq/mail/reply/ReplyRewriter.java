package dev.masq.mail.reply;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
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
 * Turns a message the owner wrote from their real inbox into the copy a correspondent receives from
 * the alias. Only header fields on a short list of harmless ones survive (everything that traces the
 * path or the client, {@code Sender}, {@code Reply-To}, signatures, is dropped), {@code From} is the
 * alias and {@code Message-ID} is new on the alias domain. In every kept field and every text part,
 * decoded whatever its transfer encoding, the inboxes become the alias and reverse aliases their
 * correspondents; parts with nothing to swap are written back unchanged.
 */
final class ReplyRewriter {
    private static final Set<String> KEPT = Set.of("to", "cc", "subject", "date", "in-reply-to", "references",
            "mime-version", "content-type", "content-transfer-encoding", "content-disposition", "content-language",
            "content-id", "content-description", "user-agent", "x-mailer", "list-unsubscribe", "list-unsubscribe-post",
            "importance", "priority", "x-priority", "sensitivity", "thread-topic", "thread-index", "keywords",
            "comments", "accept-language", "auto-submitted", "precedence");
    private static final Set<String> ADDRESS_LISTS = Set.of("to", "cc");

    /**
     * @param from      the new From field value, already formatted
     * @param messageId the new Message-ID, with angle brackets
     */
    byte[] rewrite(byte[] original, String from, String messageId, Swaps swaps) {
        try {
            Message message = parse(original);
            Header header = new HeaderImpl();
            header.addField(field("From: " + MimeUtil.fold(from, 6)));
            header.addField(field("Message-ID: " + messageId));
            for (Field f : message.getHeader().getFields()) {
                String name = f.getName().toLowerCase(Locale.ROOT);
                if (ADDRESS_LISTS.contains(name)) {
                    String value = AddressLists.rewrite(f.getBody(), swaps);
                    if (!value.isEmpty()) {
                        header.addField(field(f.getName() + ": " + MimeUtil.fold(value, f.getName().length() + 2)));
                    }
                } else if (KEPT.contains(name)) {
                    header.addField(swapped(f, swaps));
                }
            }
            message.setHeader(header);
            rewriteBody(message, swaps);
            ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + 1024);
            new DefaultMessageWriter().writeMessage(message, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void rewriteBody(Entity entity, Swaps swaps) throws IOException {
        Body body = entity.getBody();
        if (body instanceof Multipart multipart) {
            multipart.setPreamble(swaps.apply(multipart.getPreamble()));
            multipart.setEpilogue(swaps.apply(multipart.getEpilogue()));
            for (Entity part : multipart.getBodyParts()) {
                part.setHeader(swapFields(part.getHeader(), swaps));
                rewriteBody(part, swaps);
            }
        } else if (body instanceof Message attached) {
            // A forwarded or bounced message carries addresses in its own header too.
            attached.setHeader(swapFields(attached.getHeader(), swaps));
            rewriteBody(attached, swaps);
        } else if (body instanceof TextBody text && entity.getMimeType().startsWith("text/")) {
            String content = read(text);
            String swapped = swaps.apply(content);
            if (!swapped.equals(content)) {
                entity.removeBody();
                entity.setBody(BasicBodyFactory.INSTANCE.textBody(swapped, text.getMimeCharset()));
            }
        }
    }

    private static Header swapFields(Header header, Swaps swaps) {
        if (header == null) {
            return null;
        }
        Header out = new HeaderImpl();
        header.getFields().forEach(f -> out.addField(swapped(f, swaps)));
        return out;
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

    private static Field field(String raw) {
        try {
            return DefaultFieldParser.parse(raw);
        } catch (MimeException e) {
            throw new IllegalArgumentException("not a header field: " + raw, e);
        }
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
