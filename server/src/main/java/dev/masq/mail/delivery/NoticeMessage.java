package dev.masq.mail.delivery;

import dev.masq.crypto.Tokens;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
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
 * The plain-text message that tells an alias owner a forwarded message could not be delivered.
 *
 * <p>Written out by hand rather than through {@code MimeMessage.setText}: that path looks up a
 * content handler through the activation framework's mailcap files, and the {@code javax.mail}
 * jar that James protocols brings registers handlers there that Jakarta Mail cannot use.
 */
record NoticeMessage(String alias, String inbox, Instant arrivedAt, byte[] original, String reason, Instant now, String hostname) {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss xx", Locale.ROOT);
    private static final int MAX_HEADER_SHOWN = 200;

    byte[] render() {
        String domain = alias.substring(alias.lastIndexOf('@') + 1);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String head = "Date: " + DATE.format(now.atOffset(ZoneOffset.UTC)) + "\r\n"
                    // A reserved local part of the alias domain: no user can own it, so no one can forge a notice.
                    + "From: masq <masq@" + domain + ">\r\n"
                    + "To: <" + inbox + ">\r\n"
                    + "Subject: " + MimeUtility.encodeText("Undeliverable: message to " + alias, "UTF-8", "Q") + "\r\n"
                    + "Message-ID: <" + Tokens.randomBase32(26) + "@" + hostname + ">\r\n"
                    // RFC 3834: no vacation responder should answer this.
                    + "Auto-Submitted: auto-generated\r\n"
                    + "MIME-Version: 1.0\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n"
                    + "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            try (OutputStream qp = MimeUtility.encode(out, "quoted-printable")) {
                qp.write(body().replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            return out.toByteArray();
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot encode a notice: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String body() {
        InternetHeaders headers = headersOf(original);
        return "A message sent to your alias " + alias + " could not be delivered to your inbox.\n\n"
                + "  Alias:    " + alias + "\n"
                + "  Arrived:  " + DATE.format(arrivedAt.atOffset(ZoneOffset.UTC)) + "\n"
                + "  From:     " + shown(headers, "From") + "\n"
                + "  Subject:  " + shown(headers, "Subject") + "\n"
                + "  Reason:   " + reason + "\n\n"
                + "The message has been deleted. Nothing was sent back to its sender.\n";
    }

    private static InternetHeaders headersOf(byte[] message) {
        try {
            return new InternetHeaders(new ByteArrayInputStream(message));
        } catch (MessagingException e) {
            return new InternetHeaders();
        }
    }

    private static String shown(InternetHeaders headers, String name) {
        String raw = headers.getHeader(name, ", ");
        if (raw == null) {
            return "(none)";
        }
        String text;
        try {
            text = MimeUtility.decodeText(MimeUtility.unfold(raw));
        } catch (IOException e) {
            text = raw;
        }
        String clean = text.replaceAll("\\p{Cntrl}+", " ").strip();
        return clean.length() <= MAX_HEADER_SHOWN ? clean : clean.substring(0, MAX_HEADER_SHOWN) + "...";
    }
}
