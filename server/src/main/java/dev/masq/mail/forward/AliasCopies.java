package dev.masq.mail.forward;

import dev.masq.account.AccountRepository;
import dev.masq.account.Mailbox;
import dev.masq.alias.AliasEventRepository;
import dev.masq.alias.AliasRepository;
import dev.masq.alias.AliasRoute;
import dev.masq.crypto.Tokens;
import dev.masq.leak.Verdict;
import dev.masq.leak.VerdictHeaders;
import dev.masq.mail.DkimSigning;
import dev.masq.mail.LineLimit;
import dev.masq.mail.Verp;
import dev.masq.outbox.Delivery;
import dev.masq.outbox.DeliveryQueue;
import dev.masq.outbox.DirectDispatch;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * The copy of a message for one active alias, inside the write that stores the message: the
 * correspondents' reverse aliases, the rewritten message, one delivery per verified inbox (handed to
 * the senders directly when they have room), and the alias's counters and event.
 */
final class AliasCopies {
    private final AliasRepository aliases;
    private final AliasEventRepository events;
    private final AccountRepository accounts;
    private final ReverseAliasRepository reverseAliases;
    private final DeliveryQueue queue;
    private final DirectDispatch dispatch;
    private final Verp verp;
    private final DkimSigning dkim;
    private final ForwardRewriter rewriter = new ForwardRewriter();
    private final String hostname;
    private final Duration expiry;
    private final Set<String> ourDomains;

    AliasCopies(MailRepositories stores, DirectDispatch dispatch, Verp verp, DkimSigning dkim, String hostname, Duration expiry,
                Set<String> ourDomains) {
        this.aliases = stores.aliases();
        this.events = stores.events();
        this.accounts = stores.accounts();
        this.reverseAliases = stores.reverseAliases();
        this.queue = stores.queue();
        this.dispatch = dispatch;
        this.verp = verp;
        this.dkim = dkim;
        this.hostname = hostname;
        this.expiry = expiry;
        this.ourDomains = Set.copyOf(ourDomains);
    }

    /** Queues the alias's copy; false (counted as blocked) when its author is blocked or no inbox is verified. */
    boolean forward(DSLContext ctx, AliasRoute route, InboundMessage message, HeaderBlock headers, Senders senders,
                    Verdict verdict, Instant now, Intake intake) {
        String domain = route.address().substring(route.address().lastIndexOf('@') + 1);
        Map<String, ReverseAlias> reverse = new HashMap<>();
        for (String correspondent : senders.addresses()) {
            if (ourDomains.contains(correspondent.substring(correspondent.lastIndexOf('@') + 1))) {
                continue; // our own addresses (the alias itself in Cc) are reached directly
            }
            reverse.put(correspondent, reverseAliases.findOrCreate(ctx, route.aliasId(), correspondent, domain, now));
        }
        String author = senders.author() == null ? null : senders.author().address();
        if (author != null && reverse.get(author).blocked()) {
            block(ctx, route, author, "sender blocked", now);
            return false;
        }
        List<Mailbox> inboxes = verifiedInboxes(ctx, route);
        if (inboxes.isEmpty()) {
            block(ctx, route, author, "no verified inbox", now);
            return false;
        }
        Map<String, String> reverseAddresses = new HashMap<>();
        reverse.forEach((correspondent, ra) -> reverseAddresses.put(correspondent, ra.address()));
        byte[] copy = dkim.sign(LineLimit.apply(rewriter.rewrite(headers, senders,
                TraceHeader.received(message, hostname, route.address(), now), route.address(), reverseAddresses,
                verdict == null ? VerdictHeaders.NONE : VerdictHeaders.of(verdict))), domain);
        String envelopeFrom = verp.address(route.aliasId(), domain);
        for (Mailbox inbox : inboxes) {
            Delivery delivery = new Delivery(Tokens.newOrderedId("dl"), route.aliasId(), Delivery.Kind.FORWARD, envelopeFrom,
                    inbox.address(), copy, 0, now, now.plus(expiry));
            Instant lease = dispatch.reserve(copy.length);
            if (lease != null) {
                intake.reservedBytes += copy.length;
                intake.direct.add(delivery);
            } else {
                intake.queued = true;
            }
            queue.enqueue(ctx, delivery, lease);
        }
        aliases.countForwarded(ctx, route.aliasId(), now);
        events.record(ctx, route.aliasId(), "forwarded", author, verdict == null ? null : verdict.kind().wire(), now);
        return true;
    }

    /** Counts a message the alias took but did not forward, and says why in its event log. */
    void block(DSLContext ctx, AliasRoute route, String author, String why, Instant now) {
        aliases.countBlocked(ctx, route.aliasId(), now);
        events.record(ctx, route.aliasId(), "blocked", author, why, now);
    }

    /** Only inboxes their owner proved they control: anything else would make masq a spam cannon. */
    private List<Mailbox> verifiedInboxes(DSLContext ctx, AliasRoute route) {
        Set<String> ids = Set.copyOf(aliases.mailboxIds(ctx, route.aliasId()));
        return accounts.mailboxesOf(ctx, route.userId()).stream()
                .filter(m -> m.verified() && ids.contains(m.id()))
                .toList();
    }
}
