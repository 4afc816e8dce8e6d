package dev.masq.domain;

import dev.masq.account.AccountRepository;
import dev.masq.account.Mailbox;
import dev.masq.crypto.Tokens;
import dev.masq.outbox.Delivery;
import dev.masq.outbox.DeliveryQueue;
import dev.masq.outbox.NoticeMail;
import java.time.Duration;
import java.time.Instant;
import org.jooq.DSLContext;

/** The notices a domain's owner gets: its records vanished, or catch-all reached its daily limit. */
public final class DomainNotices {
    private final AccountRepository accounts;
    private final DeliveryQueue queue;
    private final String fromDomain;
    private final String hostname;
    private final Duration expiry;

    /** {@code fromDomain}: one of ours, the notices' sender. */
    public DomainNotices(AccountRepository accounts, DeliveryQueue queue, String fromDomain, String hostname, Duration expiry) {
        this.accounts = accounts;
        this.queue = queue;
        this.fromDomain = fromDomain;
        this.hostname = hostname;
        this.expiry = expiry;
    }

    /** In the caller's transaction; the caller wakes the senders once it committed. */
    void recordsGone(DSLContext ctx, Domain d, Instant now) {
        queue(ctx, d, "Your domain " + d.name() + " no longer points at masq",
                "The daily check of " + d.name() + " found its ownership record or its MX record gone.\n\n"
                        + "Mail for " + d.name() + " is still taken for now. If the records are not back within "
                        + DomainRecheck.SUSPEND_AFTER.toDays() + " days, the domain is suspended and its mail refused"
                        + " until you check it again on the Domains page.\n", now);
    }

    void catchAllLimit(DSLContext ctx, Domain d, int limit, Instant now) {
        queue(ctx, d, "Catch-all on " + d.name() + " reached its daily limit",
                "Mail to new addresses on " + d.name() + " made " + limit + " aliases today, the most catch-all"
                        + " may make in a day. Further new addresses are told to try again later (senders retry);"
                        + " the count starts again tomorrow (UTC).\n\nIf you did not expect this many, someone may be"
                        + " guessing addresses: you can turn catch-all off on the Domains page.\n", now);
    }

    private void queue(DSLContext ctx, Domain d, String subject, String body, Instant now) {
        accounts.defaultMailbox(ctx, d.userId()).map(Mailbox::address).ifPresent(to ->
                queue.enqueue(ctx, new Delivery(Tokens.newOrderedId("dl"), null, Delivery.Kind.NOTICE, "", to,
                        NoticeMail.render(fromDomain, to, subject, body, hostname, now), 0, now, now.plus(expiry))));
    }
}
