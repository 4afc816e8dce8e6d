package dev.masq.mail.forward;

import dev.masq.alias.AliasEventRepository;
import dev.masq.alias.AliasRoute;
import dev.masq.alias.AliasState;
import dev.masq.block.SenderBlocks;
import dev.masq.common.Wakeup;
import dev.masq.config.Config;
import dev.masq.db.Database;
import dev.masq.leak.AfterBurnTally;
import dev.masq.leak.LeakNotifications;
import dev.masq.leak.LeakService;
import dev.masq.senderauth.SenderAuthentication;
import dev.masq.senderauth.SpamAssassinClient;
import dev.masq.leak.Verdict;
import dev.masq.mail.DkimSigning;
import dev.masq.mail.Verp;
import dev.masq.outbox.DirectDispatch;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes in what arrives for our domains: decides per recipient at RCPT time, and after DATA turns
 * the message into queued deliveries, counters and events in one durable write (one group commit),
 * so the SMTP edge answers 250 only for mail that is safely on disk.
 */
public final class ForwardService {
    private static final Logger log = LoggerFactory.getLogger(ForwardService.class);
    /** More trace headers than any sane path has: the message is going round in circles. */
    static final int MAX_HOPS = 30;

    /** REFUSED: every alias the message was for refuses its author (a block, or vendor-only mode). */
    public enum Outcome { ACCEPTED, LOOP, REFUSED }

    /** What became of one recipient's copy. */
    private enum Copy { QUEUED, DROPPED, REFUSED }

    private final Database db;
    private final RecipientResolver recipients;
    private final AliasEventRepository events;
    private final AliasCopies copies;
    private final OperatorCopies operatorCopies;
    private final Clock clock;
    private final Wakeup queued;
    private final DirectDispatch dispatch;
    private final SenderAuthentication authentication;
    private final SpamAssassinClient spamd;
    private final AliasVerdicts verdicts;
    private final AfterBurnTally afterBurn;
    private final boolean leakDetection;

    /**
     * {@code dispatch} takes the copies straight after the commit when it has room; {@code queued} is
     * woken after each commit that left deliveries (or leak notices) to the queue. {@code config} gives our
     * domains, hostname, delivery expiry and whether leak detection is on.
     */
    public ForwardService(Config config, Database db, MailRepositories repositories, Verp verp, DkimSigning dkim,
                          SenderBlocks blocks, SenderAuthentication authentication, SpamAssassinClient spamd,
                          LeakService leaks, LeakNotifications leakNotifications, Clock clock, DirectDispatch dispatch,
                          Wakeup queued) {
        this.db = db;
        this.recipients = new RecipientResolver(Set.copyOf(config.domains()), verp, repositories.aliases(),
                repositories.reverseAliases(), blocks, repositories.accounts());
        this.events = repositories.events();
        this.copies = new AliasCopies(repositories, dispatch, verp, dkim, config.hostname(), config.deliveryExpiry(),
                Set.copyOf(config.domains()));
        this.operatorCopies = new OperatorCopies(repositories.queue(), config.hostname(), config.deliveryExpiry());
        this.clock = clock;
        this.queued = queued;
        this.dispatch = dispatch;
        this.authentication = authentication;
        this.spamd = spamd;
        this.verdicts = new AliasVerdicts(leaks, leakNotifications, blocks);
        this.afterBurn = new AfterBurnTally(db, clock);
        this.leakDetection = config.leak().detection();
    }

    /**
     * What {@code recipient} is, for the RCPT answer. {@code sender} is empty for a null reverse-path. A burned
     * alias's refusal is counted (in memory, written with a later group commit: this is the RCPT hot path).
     */
    public Recipient check(String sender, String recipient) {
        Recipient found = db.read(ctx -> recipients.resolve(ctx, sender, recipient));
        if (found instanceof Recipient.Burned(String aliasId)) {
            afterBurn.count(aliasId, sender);
        }
        return found;
    }

    /** Queues the message for every recipient that still takes it; returns once that is committed. */
    public Outcome accept(InboundMessage message) {
        HeaderBlock headers = HeaderBlock.parse(message.content());
        if (headers.count("Received") > MAX_HOPS) {
            return Outcome.LOOP;
        }
        Senders senders = Senders.of(headers, message.sender());
        SenderEvidence evidence = !leakDetection || noAliasAmong(message) ? null
                : SenderEvidence.gather(message, authentication, spamd);
        Intake intake = new Intake();
        Set<Copy> outcomes = EnumSet.noneOf(Copy.class);
        try {
            db.write(ctx -> {
                Instant now = clock.instant();
                for (String rcpt : distinct(message.recipients())) {
                    outcomes.add(deliver(ctx, rcpt, message, headers, senders, evidence, now, intake));
                }
                return intake;
            });
        } catch (RuntimeException e) {
            dispatch.release(intake.reservedBytes);
            throw e;
        }
        if (!intake.direct.isEmpty()) {
            dispatch.dispatch(intake.direct);
        }
        if (intake.leakNoticed) {
            queued.wake();
        } else if (intake.queued) {
            queued.deliveries();
        }
        return outcomes.equals(Set.of(Copy.REFUSED)) ? Outcome.REFUSED : Outcome.ACCEPTED;
    }

    private Copy deliver(DSLContext ctx, String rcpt, InboundMessage message, HeaderBlock headers, Senders senders,
                         SenderEvidence evidence, Instant now, Intake intake) {
        String author = senders.author() == null ? null : senders.author().address();
        switch (recipients.resolve(ctx, message.sender(), rcpt)) {
            case Recipient.ToAlias(AliasRoute route) -> {
                AliasVerdicts.Judgement judged = evidence == null ? null : verdicts.judge(ctx, route, evidence, now);
                Verdict verdict = judged == null ? null : judged.verdict();
                intake.leakNoticed |= judged != null && judged.leakNoticed();
                if (verdicts.refuses(ctx, route, author, verdict)) {
                    copies.block(ctx, route, author, "refused: " + (verdict == null ? "blocked" : verdict.kind().wire()), now);
                    return Copy.REFUSED;
                }
                if (route.state() == AliasState.ACTIVE) {
                    return copies.forward(ctx, route, message, headers, senders, verdict, now, intake) ? Copy.QUEUED : Copy.DROPPED;
                }
                copies.block(ctx, route, author, "alias paused", now);
            }
            case Recipient.SenderBlocked(AliasRoute route) -> copies.block(ctx, route, author, "sender blocked", now);
            case Recipient.ToPostmaster(String inbox) -> {
                operatorCopies.enqueue(ctx, message, rcpt, inbox, now);
                intake.queued = true;
                return Copy.QUEUED;
            }
            case Recipient.Bounce(String aliasId) ->
                    events.record(ctx, aliasId, "bounce", message.sender(), DsnReason.of(message.content()), now);
            case Recipient.ToReverseAlias r -> {
                // The owner writing out through the alias: the reply service relays it, not this one.
            }
            case Recipient.Foreign f -> log.warn("dropped copy for {}: not one of our domains", rcpt);
            case Recipient.Unknown u -> log.info("dropped copy for {}: gone since RCPT", rcpt);
            case Recipient.Burned b -> log.info("dropped copy for {}: burned since RCPT", rcpt);
        }
        return Copy.DROPPED;
    }

    /**
     * Bounces to our signed envelope senders are recorded, never judged, and replies through reverse
     * aliases are judged by the reply service: only mail for an alias needs the DNS checks here.
     */
    private static boolean noAliasAmong(InboundMessage message) {
        return message.recipients().stream().map(r -> r.substring(0, Math.max(0, r.lastIndexOf('@'))))
                .allMatch(local -> Verp.looksLikeVerp(local) || ReverseAliasRepository.looksLikeReverseAlias(local));
    }

    private static Set<String> distinct(List<String> recipients) {
        Set<String> unique = new LinkedHashSet<>();
        recipients.forEach(r -> unique.add(r.toLowerCase(Locale.ROOT)));
        return unique;
    }
}
