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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * The copy of a message for one active alias, in three steps: what it needs is read before the write
 * (the contacts' reverse aliases, the verified inboxes), the copy is rewritten, signed and
 * sealed outside any connection, and the write only stores the rows: the new reverse aliases, one
 * delivery per inbox (handed to the senders directly when they have room), the counters and event.
 */
final class AliasCopies {
    private final AliasRepository aliases;
    private final AliasEventRepository events;
    private final AccountRepository accounts;
    private final ContactRepository contacts;
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
        this.contacts = stores.contacts();
        this.queue = stores.queue();
        this.dispatch = dispatch;
        this.verp = verp;
        this.dkim = dkim;
        this.hostname = hostname;
        this.expiry = expiry;
        this.ourDomains = Set.copyOf(ourDomains);
    }

    /** What the alias's copy needs from the database, read before the write. */
    record Plan(AliasRoute route, Verdict verdict, Map<String, ContactRepository.Prepared> contacts,
                List<Mailbox> inboxes) {
    }

    Plan plan(DSLContext ctx, AliasRoute route, ReceivedMessage message, Verdict verdict, Instant now) {
        String domain = domainOf(route.address());
        Map<String, ContactRepository.Prepared> prepared = new LinkedHashMap<>();
        for (String contactAddress : message.senders().addresses()) {
            if (ourDomains.contains(domainOf(contactAddress))) {
                continue; // our own addresses (the alias itself in Cc) are reached directly
            }
            prepared.put(contactAddress, contacts.prepare(ctx, route.aliasId(), contactAddress, domain, now));
        }
        return new Plan(route, verdict, prepared, verifiedInboxes(ctx, route));
    }

    /**
     * Outside any connection: the rewritten, folded, signed copy and its sealed rows, not yet {@link #lease
     * leased}; blocked when its author is blocked or no inbox is verified.
     */
    PreparedCopy prepare(Plan plan, ReceivedMessage message, Instant now) {
        AliasRoute route = plan.route();
        String author = message.author();
        List<ContactRepository.Prepared> created = plan.contacts().values().stream()
                .filter(ContactRepository.Prepared::isNew).toList();
        if (author != null && plan.contacts().get(author).contact().blocked()) {
            return new PreparedCopy.Blocked(route, plan.verdict(), author, "sender blocked", false, created);
        }
        if (plan.inboxes().isEmpty()) {
            return new PreparedCopy.Blocked(route, plan.verdict(), author, "no verified inbox", false, created);
        }
        String domain = domainOf(route.address());
        Map<String, String> reverseAddresses = new HashMap<>();
        plan.contacts().forEach((contactAddress, contact) -> reverseAddresses.put(contactAddress, contact.contact().reverseAlias()));
        byte[] copy = dkim.sign(LineLimit.apply(rewriter.rewrite(message.headers(), message.senders(),
                TraceHeader.received(message.envelope(), hostname, route.address(), now), route.address(), reverseAddresses,
                plan.verdict() == null ? VerdictHeaders.NONE : VerdictHeaders.of(plan.verdict()))), domain);
        String envelopeFrom = verp.address(route.aliasId(), domain);
        List<PreparedCopy.Row> rows = new ArrayList<>();
        for (Mailbox inbox : plan.inboxes()) {
            Delivery delivery = new Delivery(Tokens.newOrderedId("dl"), route.aliasId(), Delivery.Kind.FORWARD, envelopeFrom,
                    inbox.address(), copy, 0, now, now.plus(expiry));
            rows.add(new PreparedCopy.Row(queue.seal(delivery), null));
        }
        return new PreparedCopy.Forward(route, plan.verdict(), author, created, rows);
    }

    /**
     * Reserves room for the senders to take the copy's rows straight from memory after the commit: once
     * every copy of the message is built, so that a failure building one leaves no room reserved.
     */
    PreparedCopy.Forward lease(PreparedCopy.Forward copy) {
        List<PreparedCopy.Row> leased = copy.rows().stream()
                .map(row -> new PreparedCopy.Row(row.sealed(), dispatch.reserve(row.sealed().delivery().content().length)))
                .toList();
        return new PreparedCopy.Forward(copy.route(), copy.verdict(), copy.author(), copy.newContacts(), leased);
    }

    /**
     * Inside the write. Throws {@link StaleCopy} when a contact's reverse alias was created by another
     * message since this copy was prepared: the copy names one that must not exist twice.
     */
    void store(DSLContext ctx, PreparedCopy.Forward copy, Instant now) {
        for (ContactRepository.Prepared created : copy.newContacts()) {
            if (!contacts.insert(ctx, created)) {
                throw new StaleCopy("reverse alias created meanwhile for alias " + copy.route().aliasId());
            }
        }
        for (PreparedCopy.Row row : copy.rows()) {
            queue.enqueue(ctx, row.sealed(), row.lease());
        }
        aliases.countForwarded(ctx, copy.route().aliasId(), now);
        events.record(ctx, copy.route().aliasId(), "forwarded", copy.author(),
                copy.verdict() == null ? null : copy.verdict().kind().wire(), now);
    }

    /** Inside the write: counts a message the alias took but did not forward, and says why in its event log. */
    void store(DSLContext ctx, PreparedCopy.Blocked copy, Instant now) {
        // No copy names them: one another message created meanwhile serves as well.
        copy.newContacts().forEach(created -> contacts.insert(ctx, created));
        aliases.countBlocked(ctx, copy.route().aliasId(), now);
        events.record(ctx, copy.route().aliasId(), "blocked", copy.author(), copy.why(), now);
    }

    /** Only inboxes their owner proved they control: anything else would make masq a spam cannon. */
    private List<Mailbox> verifiedInboxes(DSLContext ctx, AliasRoute route) {
        Set<String> ids = Set.copyOf(aliases.mailboxIds(ctx, route.aliasId()));
        return accounts.mailboxesOf(ctx, route.userId()).stream()
                .filter(m -> m.verified() && ids.contains(m.id()))
                .toList();
    }

    private static String domainOf(String address) {
        return address.substring(address.lastIndexOf('@') + 1);
    }
}
