package dev.masq.mail.submission;

import dev.masq.alias.Alias;
import dev.masq.alias.AliasEventRepository;
import dev.masq.alias.AliasRepository;
import dev.masq.alias.AliasState;
import dev.masq.db.Database;
import dev.masq.outbox.DeliveryQueue;
import dev.masq.mail.forward.Contact;
import dev.masq.mail.forward.InboundMessage;
import dev.masq.mail.forward.MailRepositories;
import dev.masq.mail.forward.ContactRepository;
import dev.masq.mail.reply.Authorship;
import dev.masq.mail.reply.OutboundMail;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * New mail (or replies) that a signed-in user sends over the submission port as one of their
 * aliases, to anyone. A recipient that is one of the user's reverse aliases is the contact
 * behind it; any other gets a reverse alias on the alias, so the conversation has a contact entry
 * and later mail from them is recognised.
 */
public final class SubmissionService {
    public enum Outcome { QUEUED, NOT_YOUR_ALIAS }

    private final Database db;
    private final AliasRepository aliases;
    private final AliasEventRepository events;
    private final ContactRepository contacts;
    private final OutboundMail outbound;
    private final Set<String> domains;
    private final Clock clock;
    private final Runnable onQueued;

    /** {@code domains} are ours: a recipient there is reached directly, not through a reverse alias. */
    public SubmissionService(Database db, MailRepositories repositories, OutboundMail outbound, List<String> domains,
                             Clock clock, Runnable onQueued) {
        this.db = db;
        this.aliases = repositories.aliases();
        this.events = repositories.events();
        this.contacts = repositories.contacts();
        this.outbound = outbound;
        this.domains = Set.copyOf(domains);
        this.clock = clock;
        this.onQueued = onQueued;
    }

    /**
     * Queues the message if its one From is an alias of {@code userId}; returns once that is committed. The
     * copy is rewritten, signed and sealed before the write, which only stores rows.
     */
    public Outcome accept(String userId, InboundMessage message) {
        Optional<String> author = Authorship.author(message.content());
        if (author.isEmpty()) {
            return Outcome.NOT_YOUR_ALIAS;
        }
        Instant now = clock.instant();
        Optional<Submission> submission = db.read(ctx -> aliases.findRoute(ctx, author.get())
                .filter(r -> r.userId().equals(userId) && r.state() != AliasState.BURNED)
                .map(route -> {
                    Alias alias = aliases.find(ctx, userId, route.aliasId()).orElseThrow();
                    Submission destinations = destinations(ctx, alias, message.recipients(), now);
                    // A client set up for the alias names the identity deliberately: its name stays unless the alias has one.
                    return destinations.drafted(outbound.draft(ctx, alias, message.content(),
                            Authorship.displayName(message.content()).orElse(null)));
                }));
        if (submission.isEmpty()) {
            return Outcome.NOT_YOUR_ALIAS;
        }
        Submission ready = submission.get();
        List<String> to = ready.to();
        List<DeliveryQueue.Sealed> deliveries = outbound.seal(ready.draft(), to, now);
        String aliasId = ready.draft().alias().id();
        db.writeVoid(ctx -> {
            // One another message created meanwhile serves as well: the copy names none of them.
            ready.newContacts().forEach(created -> contacts.insert(ctx, created));
            outbound.store(ctx, deliveries);
            aliases.countSent(ctx, aliasId);
            events.record(ctx, aliasId, "sent", to.getFirst(), to.size() == 1 ? null : to.size() + " recipients", now);
        });
        onQueued.run();
        return Outcome.QUEUED;
    }

    /**
     * Where a submission goes, read before the write: {@code to} the contacts, with a reverse alias
     * to create for each new one, so the conversation has a contact entry.
     */
    private record Submission(List<String> to, List<ContactRepository.Prepared> newContacts,
                              OutboundMail.Draft draft) {
        Submission drafted(OutboundMail.Draft copy) {
            return new Submission(to, newContacts, copy);
        }
    }

    private Submission destinations(DSLContext ctx, Alias alias, List<String> recipients, Instant now) {
        String domain = alias.address().substring(alias.address().lastIndexOf('@') + 1);
        Set<String> out = new LinkedHashSet<>();
        List<ContactRepository.Prepared> created = new ArrayList<>();
        for (String raw : recipients) {
            String rcpt = raw.toLowerCase(Locale.ROOT);
            Optional<String> contactAddress = contacts.findByReverseAlias(ctx, rcpt)
                    .filter(c -> ownedBy(ctx, c, alias.userId()))
                    .map(Contact::address);
            if (contactAddress.isPresent()) {
                out.add(contactAddress.get());
            } else {
                if (!domains.contains(rcpt.substring(rcpt.lastIndexOf('@') + 1))) {
                    ContactRepository.Prepared reverse = contacts.prepare(ctx, alias.id(), rcpt, domain, now);
                    if (reverse.isNew()) {
                        created.add(reverse);
                    }
                }
                out.add(rcpt);
            }
        }
        return new Submission(List.copyOf(out), created, null);
    }

    private boolean ownedBy(DSLContext ctx, Contact c, String userId) {
        return aliases.findRouteById(ctx, c.aliasId()).filter(r -> r.userId().equals(userId)).isPresent();
    }
}
