package dev.masq.mail;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
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
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private AddressField() {
    }

    /**
     * Groups flattened, in order. A value that is not valid UTF-8 is legacy 8-bit from an old mailer,
     * read as Windows-1252 (the superset of ISO-8859-1 such mailers write): mime4j would read a quoted
     * display name as UTF-8 and make "René" of {@code "Ren\xe9"} a replacement character.
     */
    public static List<Mailbox> mailboxes(byte[] rawValue) {
        byte[] value = isUtf8(rawValue) ? rawValue
                : new String(rawValue, WINDOWS_1252).getBytes(StandardCharsets.UTF_8);
        return LenientAddressParser.DEFAULT
                .parseAddressList(new ByteArrayBuffer(value, true), new ParserCursor(0, value.length))
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

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
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
