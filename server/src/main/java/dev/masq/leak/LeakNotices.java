package dev.masq.leak;

import dev.masq.account.AccountRepository;
import dev.masq.account.Mailbox;
import dev.masq.alias.Alias;
import dev.masq.alias.BurnListener;
import dev.masq.crypto.Tokens;
import dev.masq.outbox.Delivery;
import dev.masq.outbox.DeliveryQueue;
import dev.masq.webhook.WebhookService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Tells the owner that an alias leaked: exactly one notice per time it becomes leaked, to their
 * default inbox through the delivery queue, with the burn and dismiss links; and their webhook,
 * which also hears of every burn.
 */
public final class LeakNotices implements BurnListener {
    public static final String LEAKED = "alias.leaked";
    public static final String BURNED = "alias.burned";

    private final LeakRepository leaks;
    private final LeakNoticeRepository notices;
    private final AccountRepository accounts;
    private final DeliveryQueue queue;
    private final ActionLinks links;
    private final WebhookService webhooks;
    private final Duration expiry;
    private final String hostname;

    public LeakNotices(LeakRepository leaks, AccountRepository accounts, DeliveryQueue queue, ActionLinks links,
                             WebhookService webhooks, Duration expiry, String hostname) {
        this.leaks = leaks;
        this.notices = new LeakNoticeRepository();
        this.accounts = accounts;
        this.queue = queue;
        this.links = links;
        this.webhooks = webhooks;
        this.expiry = expiry;
        this.hostname = hostname;
    }

    /**
     * Call inside the write transaction in which {@link LeakService#record} returned true, then wake the
     * senders after the commit. Queues the notice and the webhook event unless this leak was notified
     * (or dismissed) already, so calling it twice still sends one; the mail only to people who kept leak
     * notices on. Returns whether it queued them.
     */
    public boolean enqueue(DSLContext tx, String aliasId, Instant at) {
        if (!notices.claimNotice(tx, aliasId)) {
            return false;
        }
        AliasLeak leak = leaks.leak(tx, aliasId).orElseThrow();
        String userId = notices.ownerOf(tx, aliasId);
        Optional<Mailbox> inbox = accounts.notifiesLeaks(tx, userId) ? accounts.defaultMailbox(tx, userId) : Optional.empty();
        if (inbox.isPresent()) {
            String domain = leak.address().substring(leak.address().lastIndexOf('@') + 1);
            LeakNoticeText.Links actions = new LeakNoticeText.Links(links.link(ActionLinks.Action.BURN, aliasId, at),
                    links.link(ActionLinks.Action.DISMISS, aliasId, at));
            byte[] notice = LeakNoticeText.render(leak, actions, domain, inbox.get().address(), hostname, at);
            queue.enqueue(tx, new Delivery(Tokens.newOrderedId("dl"), aliasId, Delivery.Kind.NOTICE, "", inbox.get().address(),
                    notice, 0, at, at.plus(expiry)));
        }
        webhooks.enqueue(tx, userId, LEAKED, LeakedEvent.of(leak), at);
        return true;
    }

    @Override
    public void burned(DSLContext tx, Alias burned, Alias replacement, Instant at) {
        webhooks.enqueue(tx, burned.userId(), BURNED, new BurnedEvent(AliasRef.of(burned),
                replacement == null ? null : AliasRef.of(replacement), burned.burnReason()), at);
    }

    record AliasRef(String id, String address, String vendor) {
        static AliasRef of(Alias a) {
            return new AliasRef(a.id(), a.address(), a.vendor());
        }
    }

    record LeakedEvent(AliasRef alias, String status, Instant since, Instant leakedAt, List<String> vendorDomains,
                       int spamReports, List<ForeignDomain> foreignDomains) {
        static LeakedEvent of(AliasLeak l) {
            return new LeakedEvent(new AliasRef(l.aliasId(), l.address(), l.vendor()), l.status().wire(), l.since(),
                    l.leakedAt(), l.vendorDomains(), l.spamReports(), l.foreignDomains());
        }
    }

    record BurnedEvent(AliasRef alias, AliasRef replacement, String reason) {
    }
}
