package dev.masq.mail.submission;

import dev.masq.alias.Alias;
import dev.masq.alias.AliasEventRepository;
import dev.masq.alias.AliasRepository;
import dev.masq.alias.AliasRoute;
import dev.masq.alias.AliasState;
import dev.masq.db.Database;
import dev.masq.mail.forward.Contact;
import dev.masq.mail.forward.InboundMessage;
import dev.masq.mail.forward.MailRepositories;
import dev.masq.mail.forward.ReverseAliasRepository;
import dev.masq.mail.reply.Authorship;
import dev.masq.mail.reply.OutboundMail;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * New mail (or replies) that a signed-in user sends over the submission port as one of their
 * aliases, to anyone. A recipient that is one of the user's reverse aliases is the correspondent
 * behind it; any other gets a reverse alias on the alias, so the conversation has a contact entry
 * and later mail from them is recognised.
 */
public final class SubmissionService {
    public enum Outcome { QUEUED, NOT_YOUR_ALIAS }

    private final Database db;
    private final AliasRepository aliases;
    private final AliasEventRepository events;
    private final ReverseAliasRepository reverseAliases;
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
        this.reverseAliases = repositories.reverseAliases();
        this.outbound = outbound;
        this.domains = Set.copyOf(domains);
        this.clock = clock;
        this.onQueued = onQueued;
    }

    /** Queues the message if its one From is an alias of {@code userId}; returns once that is committed. */
    public Outcome accept(String userId, InboundMessage message) {
        Optional<String> author = Authorship.author(message.content());
        if (author.isEmpty()) {
            return Outcome.NOT_YOUR_ALIAS;
        }
        Outcome outcome = db.write(ctx -> {
            Optional<AliasRoute> route = aliases.findRoute(ctx, author.get())
                    .filter(r -> r.userId().equals(userId) && r.state() != AliasState.BURNED);
            if (route.isEmpty()) {
                return Outcome.NOT_YOUR_ALIAS;
            }
            Alias alias = aliases.find(ctx, userId, route.get().aliasId()).orElseThrow();
            Instant now = clock.instant();
            List<String> to = destinations(ctx, alias, message.recipients(), now);
            // A client set up for the alias names the identity deliberately: its name stays unless the alias has one.
            outbound.queue(ctx, alias, message.content(), Authorship.displayName(message.content()).orElse(null), to, now);
            aliases.countSent(ctx, alias.id());
            events.record(ctx, alias.id(), "sent", to.getFirst(), to.size() == 1 ? null : to.size() + " recipients", now);
            return Outcome.QUEUED;
        });
        if (outcome == Outcome.QUEUED) {
            onQueued.run();
        }
        return outcome;
    }

    private List<String> destinations(DSLContext ctx, Alias alias, List<String> recipients, Instant now) {
        String domain = alias.address().substring(alias.address().lastIndexOf('@') + 1);
        Set<String> out = new LinkedHashSet<>();
        for (String raw : recipients) {
            String rcpt = raw.toLowerCase(Locale.ROOT);
            Optional<String> correspondent = reverseAliases.findByAddress(ctx, rcpt)
                    .filter(c -> ownedBy(ctx, c, alias.userId()))
                    .map(Contact::address);
            if (correspondent.isPresent()) {
                out.add(correspondent.get());
            } else {
                if (!domains.contains(rcpt.substring(rcpt.lastIndexOf('@') + 1))) {
                    reverseAliases.findOrCreate(ctx, alias.id(), rcpt, domain, now);
                }
                out.add(rcpt);
            }
        }
        return List.copyOf(out);
    }

    private boolean ownedBy(DSLContext ctx, Contact c, String userId) {
        return aliases.findRouteById(ctx, c.aliasId()).filter(r -> r.userId().equals(userId)).isPresent();
    }
}
