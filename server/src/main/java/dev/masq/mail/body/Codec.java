package dev.masq.mail.body;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The transfer encodings and charsets of text parts, both ways; whatever cannot be read is read as Latin-1. */
final class Codec {
    private Codec() {
    }

    static boolean isQuotedPrintable(String encoding) {
        return encoding.equals("quoted-printable");
    }

    static boolean isBase64(String encoding) {
        return encoding.equals("base64");
    }

    /** The decoded bytes of {@code [from, to)}; reads no more than {@code cap} decoded bytes. */
    static byte[] decode(byte[] m, int from, int to, String encoding, int cap) {
        if (!isQuotedPrintable(encoding) && !isBase64(encoding)) {
            return Arrays.copyOfRange(m, from, Math.min(to, from + cap));
        }
        // Encoded text is at most about twice as long as what it decodes to: read no further than needed.
        int end = (int) Math.min(to, from + 2L * cap + 4);
        try (InputStream in = MimeUtility.decode(new ByteArrayInputStream(m, from, end - from), encoding)) {
            return in.readNBytes(cap);
        } catch (MessagingException | IOException e) {
            return new byte[0];
        }
    }

    static byte[] encode(byte[] plain, String encoding) {
        if (!isQuotedPrintable(encoding) && !isBase64(encoding)) {
            return plain;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length * 3 / 2 + 8);
        try (OutputStream enc = MimeUtility.encode(out, encoding)) {
            enc.write(plain);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot encode as " + encoding, e);
        }
        return out.toByteArray();
    }

    /** The part's charset when Java knows it and it writes ASCII as ASCII; else null (text we will not touch). */
    static Charset asciiCompatible(String name) {
        Charset cs = charset(name);
        return Arrays.equals("a<".getBytes(cs), new byte[]{'a', '<'}) ? cs : null;
    }

    static Charset charset(String name) {
        if (name == null) {
            return StandardCharsets.US_ASCII;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalArgumentException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }
}
