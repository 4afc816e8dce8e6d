package dev.masq.mail.delivery;

import dev.masq.crypto.Tokens;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Properties;

/** The plain-text message that tells an alias owner a forwarded message could not be delivered. */
record NoticeMessage(String alias, String inbox, Instant arrivedAt, byte[] original, String reason, Instant now, String hostname) {
    private static final int MAX_HEADER_SHOWN = 200;

    byte[] render() {
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties())) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", "<" + Tokens.randomBase32(26) + "@" + hostname + ">");
                }
            };
            // A reserved local part of the alias domain: no user can own it, so no one can forge a notice.
            m.setFrom(new InternetAddress("masq@" + alias.substring(alias.lastIndexOf('@') + 1), "masq"));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(inbox));
            m.setSubject("Undeliverable: message to " + alias, "UTF-8");
            m.setSentDate(Date.from(now));
            // RFC 3834: no vacation responder should answer this.
            m.setHeader("Auto-Submitted", "auto-generated");
            m.setText(body(), "UTF-8");
            m.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build a notice: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String body() {
        InternetHeaders headers = headersOf(original);
        return "A message sent to your alias " + alias + " could not be delivered to your inbox.\n\n"
                + "  Alias:    " + alias + "\n"
                + "  Arrived:  " + DateTimeFormatter.RFC_1123_DATE_TIME.format(arrivedAt.atOffset(ZoneOffset.UTC)) + "\n"
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
