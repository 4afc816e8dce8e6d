package dev.masq.mail.reply;

import dev.masq.account.AccountRepository;
import dev.masq.alias.Alias;
import dev.masq.alias.AliasEventRepository;
import dev.masq.alias.AliasRepository;
import dev.masq.alias.AliasRoute;
import dev.masq.config.Config;
import dev.masq.db.Database;
import dev.masq.senderauth.AuthenticationResults;
import dev.masq.senderauth.DmarcResult;
import dev.masq.senderauth.SenderAuthentication;
import dev.masq.senderauth.SmtpIdentity;
import dev.masq.mail.forward.InboundMessage;
import dev.masq.mail.forward.MailRepositories;
import dev.masq.mail.forward.ReceivedMessage;
import dev.masq.mail.forward.Recipient;
import dev.masq.outbox.DeliveryQueue;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Relays what an alias's owner sends to reverse aliases on the inbound port. RCPT already kept out
 * every envelope sender but the owner's verified inboxes; here the message must prove it: its one
 * From is such an inbox and that inbox's domain passes DMARC for this very message. Anything else
 * is a forgery: dropped with a notice to the owner, answered 250 all the same (see
 * {@code ForwardMessageHook}), so a forger learns nothing and no bounce goes anywhere.
 */
public final class ReplyService {
    private final Database db;
    private final AliasRepository aliases;
    private final AccountRepository accounts;
    private final AliasEventRepository events;
    private final SenderAuthentication authentication;
    private final OutboundMail outbound;
    private final ForgedReplyNotices forgeries;
    private final Clock clock;
    private final Runnable onQueued;

    /**
     * {@code config} gives the forgery notice window, delivery expiry and hostname of the notices.
     */
    public ReplyService(Config config, Database db, MailRepositories repositories, SenderAuthentication authentication,
                        OutboundMail outbound, Clock clock, Runnable onQueued) {
        this.db = db;
        this.aliases = repositories.aliases();
        this.accounts = repositories.accounts();
        this.events = repositories.events();
        this.authentication = authentication;
        this.outbound = outbound;
        this.forgeries = new ForgedReplyNotices(aliases, accounts, events, repositories.queue(),
                config.sending().forgeryNoticeWindow(), config.deliveryExpiry(), config.hostname());
        this.clock = clock;
        this.onQueued = onQueued;
    }

    /**
     * Relays or refuses the message for its reverse-alias recipients; returns once that is committed. What
     * the write stores is read and built before it: the verdict on the author, the signed, sealed copies.
     */
    public void accept(ReceivedMessage received) {
        InboundMessage message = received.envelope();
        Map<String, List<Recipient.ToReverseAlias>> byAlias = new LinkedHashMap<>();
        received.recipients().values().forEach(recipient -> {
            if (recipient instanceof Recipient.ToReverseAlias r && r.fromOwner()) {
                byAlias.computeIfAbsent(r.alias().aliasId(), id -> new ArrayList<>()).add(r);
            }
        });
        if (byAlias.isEmpty()) {
            return;
        }
        Optional<String> author = Authorship.author(message.content());
        // DNS before the write: the single writer must never wait on the network.
        boolean dmarc = author.isPresent() && dmarcPasses(message, author.get());
        Instant now = clock.instant();
        List<Relay> relays = db.read(ctx -> byAlias.values().stream().map(group -> {
            AliasRoute route = group.getFirst().alias();
            String refusal = author.isEmpty() ? "no single From address"
                    : !accounts.isVerifiedMailbox(ctx, route.userId(), author.get()) ? "From is not your verified inbox"
                    : !dmarc ? "DMARC did not pass for your inbox's domain" : null;
            if (refusal != null) {
                return new Relay(route, refusal, null, List.of());
            }
            Alias alias = aliases.find(ctx, route.userId(), route.aliasId()).orElseThrow();
            List<String> to = group.stream().map(r -> r.contact().address()).distinct().toList();
            // The name an inbox's client puts in From is the owner's real one: replies show only the alias's.
            return new Relay(route, null, outbound.draft(ctx, alias, message.content(), null), to);
        }).toList());
        List<List<DeliveryQueue.Sealed>> sealed = relays.stream()
                .map(r -> r.draft() == null ? List.<DeliveryQueue.Sealed>of() : outbound.seal(r.draft(), r.to(), now)).toList();
        boolean queued = db.write(ctx -> {
            boolean any = false;
            for (int i = 0; i < relays.size(); i++) {
                Relay relay = relays.get(i);
                any |= relay.refusal() == null ? relay(ctx, relay, sealed.get(i), now)
                        : forgeries.refuse(ctx, relay.route(), relay.refusal(), now);
            }
            return any;
        });
        if (queued) {
            onQueued.run();
        }
    }

    /** One alias's share of a message: refused for {@code refusal}, or relayed to {@code to} as {@code draft}. */
    private record Relay(AliasRoute route, String refusal, OutboundMail.Draft draft, List<String> to) {
    }

    private boolean relay(DSLContext ctx, Relay relay, List<DeliveryQueue.Sealed> deliveries, Instant now) {
        String aliasId = relay.route().aliasId();
        List<String> to = relay.to();
        outbound.store(ctx, deliveries);
        aliases.countReplied(ctx, aliasId);
        events.record(ctx, aliasId, "replied", to.getFirst(), to.size() == 1 ? null : to.size() + " recipients", now);
        return true;
    }

    private boolean dmarcPasses(InboundMessage message, String author) {
        InetAddress client;
        try {
            client = InetAddress.getByName(message.clientAddress()); // an address literal: no lookup
        } catch (UnknownHostException e) {
            return false;
        }
        AuthenticationResults r = authentication.authenticate(
                new SmtpIdentity(message.sender(), message.heloName(), client), message.content());
        String domain = author.substring(author.lastIndexOf('@') + 1);
        return r.dmarc().status() == DmarcResult.Status.PASS && domain.equalsIgnoreCase(r.fromDomain());
    }
}
