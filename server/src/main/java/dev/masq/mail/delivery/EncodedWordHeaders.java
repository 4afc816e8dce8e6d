package dev.masq.mail.delivery;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.james.mime4j.codec.EncoderUtil;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.AddressFormatter;
import org.apache.james.mime4j.field.address.DefaultAddressParser;
import org.apache.james.mime4j.field.address.ParseException;
import org.apache.james.mime4j.util.MimeUtil;

/**
 * UTF-8 header fields (RFC 6532) made ASCII for a next hop without SMTPUTF8, where that is a valid
 * conversion: free text becomes RFC 2047 encoded words, display names too, and a domain its A-label.
 * A UTF-8 local part has no ASCII form, nor has UTF-8 in any other structured field: such a message
 * cannot go to that hop, and {@link #convert} says so rather than send what it would refuse.
 */
final class EncodedWordHeaders {
    /** Fields of free text (RFC 5322 §3.6.5 and MIME's Content-Description), where encoded words may stand. */
    private static final Set<String> UNSTRUCTURED = Set.of("subject", "comments", "content-description");
    private static final Set<String> ADDRESSES = Set.of("from", "sender", "reply-to", "to", "cc", "bcc",
            "resent-from", "resent-sender", "resent-to", "resent-cc", "resent-bcc");

    private EncodedWordHeaders() {
    }

    /** {@code message} with its UTF-8 header fields in ASCII; throws which field has no ASCII form. */
    static byte[] convert(byte[] message) throws DeliveryFailure {
        RawEntity e = RawEntity.parse(message);
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 256);
        for (RawEntity.Field f : e.fields()) {
            if (!RawEntity.eightBit(message, f.start(), f.end())) {
                out.write(message, f.start(), f.end() - f.start());
                continue;
            }
            String name = f.name().toLowerCase(Locale.ROOT);
            String value = e.unfolded(f);
            String ascii;
            if (UNSTRUCTURED.contains(name) || name.startsWith("x-")) {
                ascii = EncoderUtil.encodeEncodedWord(value, EncoderUtil.Usage.TEXT_TOKEN);
            } else if (ADDRESSES.contains(name)) {
                ascii = addresses(f.name(), value);
            } else {
                throw unconvertible(f.name());
            }
            out.writeBytes((f.name() + ": " + MimeUtil.fold(ascii, f.name().length() + 2) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        out.write(message, e.headerEnd(), message.length - e.headerEnd());
        return out.toByteArray();
    }

    private static String addresses(String field, String value) throws DeliveryFailure {
        AddressList list;
        try {
            list = DefaultAddressParser.DEFAULT.parseAddressList(value);
        } catch (ParseException x) {
            throw unconvertible(field);
        }
        List<String> encoded = new ArrayList<>();
        for (Address a : list) {
            if (a instanceof Group g) {
                List<Mailbox> members = new ArrayList<>();
                for (Mailbox m : g.getMailboxes()) {
                    members.add(ascii(field, m));
                }
                encoded.add(AddressFormatter.DEFAULT.encode(new Group(g.getName(), members)));
            } else {
                encoded.add(AddressFormatter.DEFAULT.encode(ascii(field, (Mailbox) a)));
            }
        }
        return String.join(", ", encoded);
    }

    private static Mailbox ascii(String field, Mailbox m) throws DeliveryFailure {
        if (!m.getLocalPart().chars().allMatch(c -> c < 128)) {
            throw unconvertible(field);
        }
        if (m.getDomain() == null) {
            return m;
        }
        try {
            return new Mailbox(m.getName(), m.getRoute(), m.getLocalPart(), IDN.toASCII(m.getDomain(), IDN.ALLOW_UNASSIGNED));
        } catch (IllegalArgumentException x) {
            throw unconvertible(field);
        }
    }

    private static DeliveryFailure unconvertible(String field) {
        return DeliveryFailure.permanent("SMTPUTF8 not offered",
                "the next server does not offer SMTPUTF8 (RFC 6531), and the message's " + field
                        + " field holds UTF-8 that has no ASCII form");
    }
}
