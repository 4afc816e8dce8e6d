package dev.masq.senderauth;

import dev.masq.mail.AddressField;
import java.util.Arrays;
import java.util.Optional;
import org.apache.james.mime4j.dom.address.Mailbox;

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
        byte[] value = firstFromValue(message);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return AddressField.mailboxes(value).stream()
                    .map(Mailbox::getDomain)
                    .filter(d -> d != null && !d.isBlank())
                    .findFirst()
                    .flatMap(Domains::normalize);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The value of the first header field named From (any case), after its colon, with its continuation
     * lines, as bytes; null when the header has none.
     */
    static byte[] firstFromValue(byte[] message) {
        int line = 0;
        while (line < message.length && message[line] != '\r' && message[line] != '\n') {
            int next = nextLine(message, line);
            int colon = fromColon(message, line);
            if (colon >= 0) {
                int end = next;
                while (end < message.length && (message[end] == ' ' || message[end] == '\t')) {
                    end = nextLine(message, end);
                }
                return Arrays.copyOfRange(message, colon + 1, end);
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

    /** Where the colon of a From field starting at {@code line} is; -1 when the line starts no From field. */
    private static int fromColon(byte[] message, int line) {
        if (line + 4 >= message.length || (message[line] | 0x20) != 'f' || (message[line + 1] | 0x20) != 'r'
                || (message[line + 2] | 0x20) != 'o' || (message[line + 3] | 0x20) != 'm') {
            return -1;
        }
        int i = line + 4;
        while (i < message.length && (message[i] == ' ' || message[i] == '\t')) {
            i++;
        }
        return i < message.length && message[i] == ':' ? i : -1;
    }
}
