package dev.masq.mail;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.stream.ParserCursor;
import org.apache.james.mime4j.util.ByteArrayBuffer;

/**
 * The mailboxes of a raw address field value (From, Reply-To, Cc), with raw UTF-8 (RFC 6532, what
 * every modern client sends) read as UTF-8.
 *
 * <p>mime4j's lenient parser walks bytes and turns each one into a char (ISO-8859-1), and its
 * CharSequence overload is worse: it encodes the text as UTF-8 but stops after as many bytes as the
 * text had chars, cutting one character off the end per extra byte ({@code societegenerale.fr} became
 * {@code societegenerale}). So the bytes themselves are parsed, which keeps every offset right, and the
 * 8-bit runs of each part are read back as the UTF-8 they were.
 */
public final class AddressField {
    private AddressField() {
    }

    /** Groups flattened, in order; a part that is not valid UTF-8 (legacy 8-bit) is left as mime4j read it. */
    public static List<Mailbox> mailboxes(byte[] rawValue) {
        return LenientAddressParser.DEFAULT
                .parseAddressList(new ByteArrayBuffer(rawValue, true), new ParserCursor(0, rawValue.length))
                .flatten().stream()
                .map(m -> new Mailbox(utf8(m.getName()), utf8(m.getLocalPart()), utf8(m.getDomain())))
                .toList();
    }

    /**
     * Each run of chars U+0080..U+00FF (one byte each, as mime4j read them) decoded as UTF-8 when it is
     * valid UTF-8. Text that came from an RFC 2047 encoded-word is already decoded and is rarely such a run.
     */
    static String utf8(String s) {
        if (s == null || s.chars().noneMatch(c -> isByteChar((char) c))) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            boolean bytes = isByteChar(s.charAt(i));
            int end = i;
            while (end < s.length() && isByteChar(s.charAt(end)) == bytes) {
                end++;
            }
            String run = s.substring(i, end);
            String decoded = bytes ? decode(run) : null;
            out.append(decoded != null ? decoded : run);
            i = end;
        }
        return out.toString();
    }

    private static boolean isByteChar(char c) {
        return c >= 0x80 && c <= 0xFF;
    }

    private static String decode(String latin1) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(latin1.getBytes(StandardCharsets.ISO_8859_1)));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
