package dev.masq.outbox;

import dev.masq.crypto.Tokens;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A short plain-text message from masq itself to a person's inbox (a notice, a link to confirm),
 * as RFC 5322 bytes for the delivery queue: UTF-8, quoted-printable, marked auto-generated so that
 * no vacation responder answers it (RFC 3834).
 *
 * <p>Written out by hand rather than through {@code MimeMessage.setText}: that path looks up a
 * content handler through the activation framework's mailcap files, and the {@code javax.mail}
 * jar that James protocols brings registers handlers there that Jakarta Mail cannot use.
 */
public final class NoticeMail {
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss xx", Locale.ROOT);

    private NoticeMail() {
    }

    /**
     * The notice from {@code masq@domain}, a reserved local part of an alias domain: no user can own it, so no one
     * can forge a notice. {@code body} lines end in LF or CRLF.
     */
    public static byte[] render(String domain, String to, String subject, String body, String hostname, Instant at) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String head = "Date: " + DATE.format(at.atOffset(ZoneOffset.UTC)) + "\r\n"
                    + "From: masq <masq@" + domain + ">\r\n"
                    + "To: <" + to + ">\r\n"
                    + "Subject: " + MimeUtility.encodeText(subject, "UTF-8", "Q") + "\r\n"
                    + "Message-ID: <" + Tokens.randomBase32(26) + "@" + hostname + ">\r\n"
                    + "Auto-Submitted: auto-generated\r\n"
                    + "MIME-Version: 1.0\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n"
                    + "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            try (OutputStream qp = MimeUtility.encode(out, "quoted-printable")) {
                qp.write(body.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            return out.toByteArray();
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot encode a notice: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
