package dev.masq.mail.delivery;

import dev.masq.account.AccountRepository;
import dev.masq.account.Mailbox;
import dev.masq.alias.AliasEventRepository;
import dev.masq.alias.AliasRepository;
import dev.masq.alias.AliasRoute;
import dev.masq.crypto.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import dev.masq.outbox.Delivery;
import dev.masq.outbox.DeliveryQueue;

/**
 * Tells an alias owner that a forwarded message was given up: an event on the alias and a plain
 * notice queued for their default inbox, sent with the null sender so that it can never bounce.
 * Nothing goes back to whoever wrote the message: that would be backscatter, and would show them
 * that the alias forwards somewhere.
 */
public final class UndeliverableNotices {
    public static final String EVENT = "delivery_failed";

    private final AliasRepository aliases;
    private final AccountRepository accounts;
    private final AliasEventRepository events;
    private final DeliveryQueue queue;
    private final Duration expiry;
    private final String hostname;

    public UndeliverableNotices(AliasRepository aliases, AccountRepository accounts, AliasEventRepository events,
                        DeliveryQueue queue, Duration expiry, String hostname) {
        this.aliases = aliases;
        this.accounts = accounts;
        this.events = events;
        this.queue = queue;
        this.expiry = expiry;
        this.hostname = hostname;
    }

    /**
     * In the transaction that removes {@code failed}; returns whether a notice was queued. The event
     * keeps only {@code summary} (it is stored in clear); the notice tells the owner {@code detail}.
     */
    boolean onGivenUp(DSLContext ctx, Delivery failed, String summary, String detail, Instant now) {
        if (failed.kind() != Delivery.Kind.FORWARD || failed.aliasId() == null) {
            return false;
        }
        Optional<AliasRoute> alias = aliases.findRouteById(ctx, failed.aliasId());
        if (alias.isEmpty()) {
            return false;
        }
        events.record(ctx, failed.aliasId(), EVENT, null, summary, now);
        Optional<Mailbox> inbox = accounts.defaultMailbox(ctx, alias.get().userId());
        if (inbox.isEmpty()) {
            return false;
        }
        byte[] notice = new UndeliverableNoticeText(alias.get().address(), inbox.get().address(), failed.recipient(), failed.createdAt(),
                failed.content(), detail, now, hostname).render();
        queue.enqueue(ctx, new Delivery(Tokens.newOrderedId("dl"), failed.aliasId(), Delivery.Kind.NOTICE, "",
                inbox.get().address(), notice, 0, now, now.plus(expiry)));
        return true;
    }
}
