package dev.masq.account;

import dev.masq.crypto.Tokens;
import dev.masq.mail.delivery.Delivery;
import dev.masq.mail.delivery.DeliveryQueue;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Short plain-text mails about an account (verification and sign-up links), queued for the delivery workers with
 * the null sender, so that a mistyped address never bounces back to anyone. Written by hand, as the owner notices
 * are, to stay clear of the mailcap handlers the old {@code javax.mail} jar registers.
 */
public final class AccountMail {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss xx", Locale.ROOT);

    private final DeliveryQueue queue;
    private final Runnable wake;
    private final String fromDomain;
    private final String hostname;
    private final Duration expiry;
    private final Clock clock;

    public AccountMail(DeliveryQueue queue, Runnable wake, String fromDomain, String hostname, Duration expiry, Clock clock) {
        this.queue = queue;
        this.wake = wake;
        this.fromDomain = fromDomain;
        this.hostname = hostname;
        this.expiry = expiry;
        this.clock = clock;
    }

    /** Queues the mail inside the caller's transaction; call {@link #sendQueued()} once it has committed. */
    public void queue(org.jooq.DSLContext ctx, String to, String subject, String body) {
        Instant now = clock.instant();
        queue.enqueue(ctx, new Delivery(Tokens.newOrderedId("dl"), null, Delivery.Kind.NOTICE, "", to, render(to, subject, body, now),
                0, now, now.plus(expiry)));
    }

    public void sendQueued() {
        wake.run();
    }

    private byte[] render(String to, String subject, String body, Instant now) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String head = "Date: " + DATE.format(now.atOffset(ZoneOffset.UTC)) + "\r\n"
                    + "From: masq <masq@" + fromDomain + ">\r\n"
                    + "To: <" + to + ">\r\n"
                    + "Subject: " + MimeUtility.encodeText(subject, "UTF-8", "Q") + "\r\n"
                    + "Message-ID: <" + Tokens.randomBase32(26) + "@" + hostname + ">\r\n"
                    + "Auto-Submitted: auto-generated\r\n"
                    + "MIME-Version: 1.0\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n"
                    + "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            try (OutputStream qp = MimeUtility.encode(out, "quoted-printable")) {
                qp.write(body.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            return out.toByteArray();
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot encode a mail: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
