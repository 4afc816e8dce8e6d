package dev.masq.mail.forward;

import dev.masq.crypto.Tokens;
import dev.masq.outbox.Delivery;
import dev.masq.outbox.DeliveryQueue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.jooq.DSLContext;

/**
 * Mail for {@code postmaster@} and {@code abuse@} our domains, queued for the operator's inbox as it
 * came, under our trace header. It goes out with the null sender, so a copy the operator's server
 * refuses is dropped rather than bounced (no backscatter, no loop).
 */
final class OperatorCopies {
    private final DeliveryQueue queue;
    private final String hostname;
    private final Duration expiry;

    OperatorCopies(DeliveryQueue queue, String hostname, Duration expiry) {
        this.queue = queue;
        this.hostname = hostname;
        this.expiry = expiry;
    }

    /** The copy, sealed before the write that stores it. */
    DeliveryQueue.Sealed prepare(InboundMessage message, String recipient, String operatorInbox, Instant now) {
        byte[] trace = TraceHeader.received(message, hostname, recipient, now).getBytes(StandardCharsets.US_ASCII);
        byte[] copy = new byte[trace.length + message.content().length];
        System.arraycopy(trace, 0, copy, 0, trace.length);
        System.arraycopy(message.content(), 0, copy, trace.length, message.content().length);
        return queue.seal(new Delivery(Tokens.newOrderedId("dl"), null, Delivery.Kind.NOTICE, "", operatorInbox, copy, 0,
                now, now.plus(expiry)));
    }

    void store(DSLContext ctx, DeliveryQueue.Sealed copy) {
        queue.enqueue(ctx, copy, null);
    }
}
