package dev.masq.mail.delivery;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * conversion: free text becomes RFC 2047 encoded words, display names and other phrases too, a domain
 * its A-label, a parameter value (a file's name) RFC 2231's form. A UTF-8 local part has no ASCII form,
 * nor has UTF-8 in an id, date or trace field: such a message cannot go to that hop, and
 * {@link #convert} says so rather than send what it would refuse.
 */
final class EncodedWordHeaders {
    /** Fields of free text (RFC 5322 §3.6.5 and MIME's Content-Description), where encoded words may stand. */
    private static final Set<String> UNSTRUCTURED = Set.of("subject", "comments", "content-description");
    private static final Set<String> ADDRESSES = Set.of("from", "sender", "reply-to", "to", "cc", "bcc",
            "resent-from", "resent-sender", "resent-to", "resent-cc", "resent-bcc");
    /** Fields whose UTF-8 may only stand in parameter values, which RFC 2231 writes in ASCII. */
    private static final Set<String> PARAMETERS = Set.of("content-type", "content-disposition");
    /** Fields of ids, dates, paths and tokens: UTF-8 in them has no ASCII form. */
    private static final Set<String> TOKENS = Set.of("message-id", "in-reply-to", "references", "resent-message-id",
            "resent-date", "date", "return-path", "received", "mime-version", "content-transfer-encoding", "content-id",
            "dkim-signature", "authentication-results", "arc-seal", "arc-message-signature", "arc-authentication-results");
    private static final Pattern PARAMETER = Pattern.compile(";(\\s*)([^\\s=;\"]+)(\\s*=\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^;\\s]*)");

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
            } else if (PARAMETERS.contains(name)) {
                ascii = parameters(f.name(), value);
            } else if (!TOKENS.contains(name)) {
                // Other fields (Thread-Topic, Organization, Keywords, List-Id) carry text or phrases, where
                // encoded words may stand; an unknown field must not cost the owner the whole message.
                ascii = words(value);
            } else {
                throw unconvertible(f.name());
            }
            out.writeBytes((f.name() + ": " + MimeUtil.fold(ascii, f.name().length() + 2) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        out.write(message, e.headerEnd(), message.length - e.headerEnd());
        return out.toByteArray();
    }

    /**
     * Each run of words beyond ASCII as one encoded word, the rest as it was (RFC 2047 §5): right in
     * free text and in a phrase, and an id in angle brackets after a list's name stays as filters read it.
     */
    private static String words(String value) {
        List<String> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (String word : value.strip().split("[ \t]+")) {
            if (word.chars().allMatch(c -> c < 128)) {
                if (!run.isEmpty()) {
                    out.add(EncoderUtil.encodeEncodedWord(String.join(" ", run), EncoderUtil.Usage.WORD_ENTITY));
                    run.clear();
                }
                out.add(word);
            } else {
                run.add(word);
            }
        }
        if (!run.isEmpty()) {
            out.add(EncoderUtil.encodeEncodedWord(String.join(" ", run), EncoderUtil.Usage.WORD_ENTITY));
        }
        return String.join(" ", out);
    }

    /** Parameter values beyond ASCII (a file's name) in RFC 2231's {@code name*=utf-8''...} form. */
    private static String parameters(String field, String value) throws DeliveryFailure {
        Matcher m = PARAMETER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String raw = m.group(4);
            if (raw.chars().allMatch(c -> c < 128)) {
                continue;
            }
            if (m.group(2).endsWith("*")) {
                throw unconvertible(field);
            }
            String text = raw.length() > 1 && raw.startsWith("\"") && raw.endsWith("\"") ? raw.substring(1, raw.length() - 1).replaceAll("\\\\(.)", "$1") : raw;
            m.appendReplacement(out, Matcher.quoteReplacement(";" + m.group(1) + m.group(2) + "*=utf-8''" + percent(text)));
        }
        m.appendTail(out);
        String ascii = out.toString();
        if (!ascii.chars().allMatch(c -> c < 128)) {
            throw unconvertible(field);
        }
        return ascii;
    }

    private static String percent(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 128 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            }
        }
        return out.toString();
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
