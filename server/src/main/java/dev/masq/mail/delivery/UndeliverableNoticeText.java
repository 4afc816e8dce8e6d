package dev.masq.mail.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import dev.masq.outbox.NoticeMail;

/** The plain-text message that tells an alias owner a forwarded message could not be delivered. */
record UndeliverableNoticeText(String alias, String inbox, Instant arrivedAt, byte[] original, String reason, Instant now, String hostname) {
    private static final int MAX_HEADER_SHOWN = 200;

    byte[] render() {
        String domain = alias.substring(alias.lastIndexOf('@') + 1);
        return NoticeMail.render(domain, inbox, "Undeliverable: message to " + alias, body(), hostname, now);
    }

    private String body() {
        InternetHeaders headers = headersOf(original);
        return "A message sent to your alias " + alias + " could not be delivered to your inbox.\n\n"
                + "  Alias:    " + alias + "\n"
                + "  Arrived:  " + NoticeMail.DATE.format(arrivedAt.atOffset(ZoneOffset.UTC)) + "\n"
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
