package dev.masq.leak;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import org.apache.james.mime4j.dom.Header;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.address.MailboxList;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/** The domain of the header From address: who the message claims to be from (RFC 5322 author). */
final class HeaderFrom {
    private HeaderFrom() {
    }

    /**
     * The normalised domain of the first From mailbox; empty when the message has no parsable From.
     * DMARC judges one author domain; a From with several is judged by the first, the one mail
     * clients show first.
     */
    static Optional<String> domain(byte[] message) {
        byte[] fromField = firstFromField(message);
        if (fromField == null) {
            return Optional.empty();
        }
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
        Header header;
        try {
            // mime4j parses just that field, as it would have in the whole header, not every field of it.
            header = builder.parseHeader(new ByteArrayInputStream(fromField));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        Field from = header.getField("From");
        if (from == null) {
            return Optional.empty();
        }
        MailboxList mailboxes = LenientAddressParser.DEFAULT.parseAddressList(from.getBody()).flatten();
        return mailboxes.stream()
                .map(Mailbox::getDomain)
                .filter(d -> d != null && !d.isBlank())
                .findFirst()
                .flatMap(Domains::normalize);
    }

    /**
     * The first header field named From (any case), with its continuation lines and a blank line after
     * it, as bytes; null when the header has none.
     */
    static byte[] firstFromField(byte[] message) {
        int line = 0;
        while (line < message.length && message[line] != '\r' && message[line] != '\n') {
            int next = nextLine(message, line);
            if (isFrom(message, line)) {
                int end = next;
                while (end < message.length && (message[end] == ' ' || message[end] == '\t')) {
                    end = nextLine(message, end);
                }
                byte[] field = new byte[end - line + 2];
                System.arraycopy(message, line, field, 0, end - line);
                field[field.length - 2] = '\r';
                field[field.length - 1] = '\n';
                return field;
            }
            line = next;
        }
        return null;
    }

    private static int nextLine(byte[] message, int from) {
        int i = from;
        while (i < message.length && message[i++] != '\n') {
            // to the start of the next line
        }
        return i;
    }

    private static boolean isFrom(byte[] message, int line) {
        if (line + 4 >= message.length || (message[line] | 0x20) != 'f' || (message[line + 1] | 0x20) != 'r'
                || (message[line + 2] | 0x20) != 'o' || (message[line + 3] | 0x20) != 'm') {
            return false;
        }
        int i = line + 4;
        while (i < message.length && (message[i] == ' ' || message[i] == '\t')) {
            i++;
        }
        return i < message.length && message[i] == ':';
    }
}
