package dev.masq.mail.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import dev.masq.outbox.NoticeMail;

/**
 * The plain-text message that tells an alias owner a message could not be delivered: one forwarded to
 * their inbox, or one they sent from the alias (a reply, a submission) to {@code recipient}.
 */
record UndeliverableNoticeText(String alias, String inbox, String recipient, Instant arrivedAt, byte[] original, String reason,
                               Instant now, String hostname) {
    private static final int MAX_HEADER_SHOWN = 200;

    byte[] render() {
        String domain = alias.substring(alias.lastIndexOf('@') + 1);
        String subject = sent() ? "Undeliverable: message from " + alias + " to " + recipient : "Undeliverable: message to " + alias;
        return NoticeMail.render(domain, inbox, subject, body(), hostname, now);
    }

    private String body() {
        InternetHeaders headers = headersOf(original);
        boolean sent = sent();
        return (sent ? "A message you sent from your alias " + alias + " could not be delivered to " + recipient + ".\n\n"
                        : "A message sent to your alias " + alias + " could not be delivered to your inbox.\n\n")
                + "  Alias:    " + alias + "\n"
                + "  Arrived:  " + NoticeMail.DATE.format(arrivedAt.atOffset(ZoneOffset.UTC)) + "\n"
                + "  From:     " + shown(headers, "From") + "\n"
                + "  Subject:  " + shown(headers, "Subject") + "\n"
                + "  Reason:   " + reason + "\n\n"
                + (sent ? "The message has been deleted.\n" : "The message has been deleted. Nothing was sent back to its sender.\n");
    }

    private boolean sent() {
        return !recipient.equalsIgnoreCase(inbox);
    }

    private static InternetHeaders headersOf(byte[] message) {
        try {
            // Raw UTF-8 (RFC 6532) read as UTF-8, not as Latin-1: the Subject must read as the sender wrote it.
            return new InternetHeaders(new ByteArrayInputStream(message), true);
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
