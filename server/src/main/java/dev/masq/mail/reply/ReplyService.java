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
import dev.masq.mail.forward.ForwardService;
import dev.masq.mail.forward.InboundMessage;
import dev.masq.mail.forward.MailRepositories;
import dev.masq.mail.forward.Recipient;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
    private final ForwardService recipients;
    private final AliasRepository aliases;
    private final AccountRepository accounts;
    private final AliasEventRepository events;
    private final SenderAuthentication authentication;
    private final OutboundMail outbound;
    private final ForgeryNotices forgeries;
    private final Clock clock;
    private final Runnable onQueued;

    /**
     * {@code recipients} classifies envelope recipients, exactly as the RCPT answer did; {@code config} gives the
     * forgery notice window, delivery expiry and hostname of the notices.
     */
    public ReplyService(Config config, Database db, MailRepositories repositories, SenderAuthentication authentication,
                        ForwardService recipients, OutboundMail outbound, Clock clock, Runnable onQueued) {
        this.db = db;
        this.recipients = recipients;
        this.aliases = repositories.aliases();
        this.accounts = repositories.accounts();
        this.events = repositories.events();
        this.authentication = authentication;
        this.outbound = outbound;
        this.forgeries = new ForgeryNotices(aliases, accounts, events, repositories.queue(),
                config.sending().forgeryNoticeWindow(), config.deliveryExpiry(), config.hostname());
        this.clock = clock;
        this.onQueued = onQueued;
    }

    /** Relays or refuses the message for its reverse-alias recipients; returns once that is committed. */
    public void accept(InboundMessage message) {
        Map<String, List<Recipient.ToReverseAlias>> byAlias = new LinkedHashMap<>();
        for (String rcpt : new LinkedHashSet<>(message.recipients().stream().map(r -> r.toLowerCase(Locale.ROOT)).toList())) {
            if (recipients.check(message.sender(), rcpt) instanceof Recipient.ToReverseAlias r && r.fromOwner()) {
                byAlias.computeIfAbsent(r.alias().aliasId(), id -> new ArrayList<>()).add(r);
            }
        }
        if (byAlias.isEmpty()) {
            return;
        }
        Optional<String> author = Authorship.author(message.content());
        // DNS before the write: the single writer must never wait on the network.
        boolean dmarc = author.isPresent() && dmarcPasses(message, author.get());
        boolean queued = db.write(ctx -> {
            Instant now = clock.instant();
            boolean any = false;
            for (List<Recipient.ToReverseAlias> group : byAlias.values()) {
                AliasRoute route = group.getFirst().alias();
                String refusal = author.isEmpty() ? "no single From address"
                        : !accounts.isVerifiedMailbox(ctx, route.userId(), author.get()) ? "From is not your verified inbox"
                        : !dmarc ? "DMARC did not pass for your inbox's domain" : null;
                any |= refusal == null ? relay(ctx, route, group, message, now) : forgeries.refuse(ctx, route, refusal, now);
            }
            return any;
        });
        if (queued) {
            onQueued.run();
        }
    }

    private boolean relay(DSLContext ctx, AliasRoute route, List<Recipient.ToReverseAlias> group, InboundMessage message,
                          Instant now) {
        Alias alias = aliases.find(ctx, route.userId(), route.aliasId()).orElseThrow();
        List<String> to = group.stream().map(r -> r.contact().address()).distinct().toList();
        // The name an inbox's client puts in From is the owner's real one: replies show only the alias's.
        outbound.queue(ctx, alias, message.content(), null, to, now);
        aliases.countReplied(ctx, alias.id());
        events.record(ctx, alias.id(), "replied", to.getFirst(), to.size() == 1 ? null : to.size() + " recipients", now);
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
