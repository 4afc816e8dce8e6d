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
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
        Header header;
        try {
            header = builder.parseHeader(new ByteArrayInputStream(message));
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
}
