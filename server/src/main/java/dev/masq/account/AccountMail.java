package dev.masq.account;

import dev.masq.crypto.Tokens;
import dev.masq.outbox.NoticeMail;
import dev.masq.outbox.Delivery;
import dev.masq.outbox.DeliveryQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Short plain-text mails about an account (verification and sign-up links), queued for the delivery workers with
 * the null sender, so that a mistyped address never bounces back to anyone. Written by hand, as the owner notices
 * are, to stay clear of the mailcap handlers the old {@code javax.mail} jar registers.
 */
public final class AccountMail {

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
        queue.enqueue(ctx, new Delivery(Tokens.newOrderedId("dl"), null, Delivery.Kind.NOTICE, "", to, NoticeMail.render(fromDomain, to, subject, body, hostname, now),
                0, now, now.plus(expiry)));
    }

    public void sendQueued() {
        wake.run();
    }
}
