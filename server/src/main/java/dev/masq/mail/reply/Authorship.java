package dev.masq.mail.reply;

import dev.masq.mail.AddressField;
import dev.masq.mail.EmailAddress;
import dev.masq.mail.forward.HeaderBlock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.james.mime4j.dom.Header;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/** Who a message says wrote it: the one address of its one From field. */
public final class Authorship {
    private Authorship() {
    }

    /**
     * Empty unless the message has exactly one From field naming exactly one mailbox: with several
     * authors, or several From fields, a receiver may show one that was never checked.
     */
    public static Optional<String> author(byte[] message) {
        return mailbox(message).flatMap(m -> EmailAddress.parse(m.getLocalPart() + "@" + m.getDomain()))
                .map(EmailAddress::toString);
    }

    /** The display name the author's one From mailbox carries, decoded; empty if none or no single author. */
    public static Optional<String> displayName(byte[] message) {
        return mailbox(message).map(Mailbox::getName).map(String::strip).filter(n -> !n.isEmpty());
    }

    private static Optional<Mailbox> mailbox(byte[] message) {
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
        Header header;
        try {
            // Only the header section the rewriter sees: a From past a line that is no field goes on as body
            // text, so taking it for the author would relay the owner's own inbox address to the contact.
            header = builder.parseHeader(new ByteArrayInputStream(message, 0, HeaderBlock.parse(message).bodyStart()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        List<Field> from = header.getFields("From");
        if (from.size() != 1) {
            return Optional.empty();
        }
        // mime4j's message builder decoded the field as UTF-8 already; its string parser would cut it short.
        List<Mailbox> mailboxes = AddressField.mailboxes(from.getFirst().getBody().getBytes(StandardCharsets.UTF_8));
        if (mailboxes.size() != 1 || mailboxes.getFirst().getDomain() == null) {
            return Optional.empty();
        }
        return Optional.of(mailboxes.getFirst());
    }
}
