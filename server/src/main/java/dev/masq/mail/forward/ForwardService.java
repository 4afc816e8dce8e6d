package dev.masq.mail.forward;

import dev.masq.alias.AliasEventRepository;
import dev.masq.alias.AliasRoute;
import dev.masq.alias.AliasState;
import dev.masq.block.SenderBlocks;
import dev.masq.common.Wakeup;
import dev.masq.config.Config;
import dev.masq.db.Database;
import dev.masq.leak.AfterBurnTally;
import dev.masq.leak.LeakNotices;
import dev.masq.leak.LeakService;
import dev.masq.senderauth.SenderAuthentication;
import dev.masq.senderauth.SpamAssassinClient;
import dev.masq.leak.Verdict;
import dev.masq.mail.DkimSigning;
import dev.masq.mail.Verp;
import dev.masq.outbox.DirectDispatch;
import java.time.Clock;
import java.time.Instant;
import dev.masq.outbox.Delivery;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
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
    /** Copies that went stale this many times in a row (each a race with another message) give up: 451. */
    private static final int MAX_ATTEMPTS = 3;

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
                          LeakService leaks, LeakNotices leakNotices, Clock clock, DirectDispatch dispatch,
                          Wakeup queued) {
        this.db = db;
        this.recipients = new RecipientResolver(Set.copyOf(config.domains()), verp, repositories.aliases(),
                repositories.contacts(), blocks, repositories.accounts());
        this.events = repositories.events();
        this.copies = new AliasCopies(repositories, dispatch, verp, dkim, config.hostname(), config.deliveryExpiry(),
                Set.copyOf(config.domains()));
        this.operatorCopies = new OperatorCopies(repositories.queue(), config.hostname(), config.deliveryExpiry());
        this.clock = clock;
        this.queued = queued;
        this.dispatch = dispatch;
        this.authentication = authentication;
        this.spamd = spamd;
        this.verdicts = new AliasVerdicts(leaks, leakNotices, blocks);
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

    /**
     * The message as the pipeline carries it: headers parsed, each recipient resolved once (in one read),
     * and, when it is for an alias, the sender evidence gathered (DNS, spamd: never inside the write).
     * A message that loops is resolved no further. A burned alias's mail is counted, as at RCPT.
     */
    public ReceivedMessage receive(InboundMessage message) {
        HeaderBlock headers = HeaderBlock.parse(message.content());
        Senders senders = Senders.of(headers, message.sender());
        ReceivedMessage looping = new ReceivedMessage(message, headers, senders, null, Map.of());
        if (looping.loops()) {
            return looping;
        }
        Map<String, Recipient> resolved = db.read(ctx -> {
            Map<String, Recipient> found = new LinkedHashMap<>();
            for (String rcpt : distinct(message.recipients())) {
                found.put(rcpt, recipients.resolve(ctx, message.sender(), rcpt));
            }
            return found;
        });
        resolved.values().forEach(r -> {
            if (r instanceof Recipient.Burned(String aliasId)) {
                afterBurn.count(aliasId, message.sender());
            }
        });
        // Bounces to our signed envelope senders are recorded, never judged, and replies through reverse
        // aliases are judged by the reply service: only mail for an alias needs the DNS checks here.
        boolean forAlias = resolved.values().stream().anyMatch(r -> r instanceof Recipient.ToAlias);
        SenderEvidence evidence = leakDetection && forAlias ? SenderEvidence.gather(message, authentication, spamd) : null;
        return new ReceivedMessage(message, headers, senders, evidence, resolved);
    }

    /**
     * Queues the message for every recipient that still takes it; returns once that is committed. Each copy
     * is prepared first, outside the write; a copy gone stale by the time of the write is prepared again.
     */
    public Outcome accept(ReceivedMessage message) {
        if (message.loops()) {
            return Outcome.LOOP;
        }
        for (int attempt = 1; ; attempt++) {
            Instant now = clock.instant();
            List<PreparedCopy> prepared = prepare(message, now);
            Handoff handoff = Handoff.of(prepared);
            boolean leakNoticed;
            try {
                leakNoticed = db.write(ctx -> store(ctx, message, prepared, now));
            } catch (StaleCopy e) {
                dispatch.release(handoff.reserved());
                if (attempt == MAX_ATTEMPTS) {
                    throw new IllegalStateException("message copies still stale after " + attempt + " attempts", e);
                }
                log.debug("preparing the copies again: {}", e.getMessage());
                continue;
            } catch (RuntimeException e) {
                dispatch.release(handoff.reserved());
                throw e;
            }
            if (!handoff.direct().isEmpty()) {
                dispatch.dispatch(handoff.direct());
            }
            if (leakNoticed) {
                queued.wake();
            } else if (handoff.toQueue()) {
                queued.deliveries();
            }
            Set<Copy> outcomes = EnumSet.noneOf(Copy.class);
            prepared.forEach(c -> outcomes.add(outcome(c)));
            return outcomes.equals(Set.of(Copy.REFUSED)) ? Outcome.REFUSED : Outcome.ACCEPTED;
        }
    }

    /**
     * What the senders get once the copies are committed: those they take straight from memory (for which
     * {@code reserved} bytes of room were reserved), and whether any copy is left to the queue's senders.
     */
    private record Handoff(List<Delivery> direct, long reserved, boolean toQueue) {
        static Handoff of(List<PreparedCopy> prepared) {
            List<Delivery> direct = new ArrayList<>();
            long reserved = 0;
            boolean toQueue = false;
            for (PreparedCopy copy : prepared) {
                if (copy instanceof PreparedCopy.Forward f) {
                    for (PreparedCopy.Row row : f.rows()) {
                        if (row.lease() == null) {
                            toQueue = true;
                        } else {
                            direct.add(row.sealed().delivery());
                            reserved += row.sealed().delivery().content().length;
                        }
                    }
                }
                toQueue |= copy instanceof PreparedCopy.Operator;
            }
            return new Handoff(direct, reserved, toQueue);
        }
    }

    /** What each recipient's copy is: read in one go, then rewritten, signed and sealed outside any connection. */
    private List<PreparedCopy> prepare(ReceivedMessage message, Instant now) {
        List<Supplier<PreparedCopy>> decided = db.read(ctx -> {
            List<Supplier<PreparedCopy>> each = new ArrayList<>();
            message.recipients().forEach((rcpt, recipient) -> each.add(decide(ctx, message, rcpt, recipient, now)));
            return each;
        });
        List<PreparedCopy> built = decided.stream().map(Supplier::get).toList();
        return built.stream().map(c -> c instanceof PreparedCopy.Forward f ? copies.lease(f) : c).toList();
    }

    /** One recipient's copy, built when got: for an active alias, outside the read that planned it. */
    private Supplier<PreparedCopy> decide(DSLContext ctx, ReceivedMessage message, String rcpt, Recipient recipient, Instant now) {
        String author = message.author();
        switch (recipient) {
            case Recipient.ToAlias(AliasRoute route) -> {
                Verdict verdict = message.evidence() == null ? null : verdicts.classify(ctx, route, message.evidence());
                if (verdicts.refuses(ctx, route, author, verdict)) {
                    return ready(new PreparedCopy.Blocked(route, verdict, author,
                            "refused: " + (verdict == null ? "blocked" : verdict.kind().wire()), true, List.of()));
                }
                if (route.state() == AliasState.ACTIVE) {
                    AliasCopies.Plan plan = copies.plan(ctx, route, message, verdict, now);
                    return () -> copies.prepare(plan, message, now);
                }
                return ready(new PreparedCopy.Blocked(route, verdict, author, "alias paused", false, List.of()));
            }
            case Recipient.SenderBlocked(AliasRoute route) -> {
                return ready(new PreparedCopy.Blocked(route, null, author, "sender blocked", false, List.of()));
            }
            case Recipient.ToPostmaster(String inbox) -> {
                return () -> new PreparedCopy.Operator(operatorCopies.prepare(message.envelope(), rcpt, inbox, now));
            }
            case Recipient.Bounce(String aliasId) -> {
                return ready(new PreparedCopy.Bounce(aliasId, message.envelope().sender(),
                        DsnReason.of(message.envelope().content())));
            }
            case Recipient.ToReverseAlias r -> {
                // The owner writing out through the alias: the reply service relays it, not this one.
            }
            case Recipient.Foreign f -> log.warn("dropped copy for {}: not one of our domains", rcpt);
            case Recipient.Unknown u -> log.info("dropped copy for {}: gone since RCPT", rcpt);
            case Recipient.Burned b -> log.info("dropped copy for {}: burned since RCPT", rcpt);
        }
        return ready(new PreparedCopy.Dropped());
    }

    private static Supplier<PreparedCopy> ready(PreparedCopy copy) {
        return () -> copy;
    }

    /** Inside the write, rows only; true when a leak notice was queued. */
    private boolean store(DSLContext ctx, ReceivedMessage message, List<PreparedCopy> prepared, Instant now) {
        boolean leakNoticed = false;
        for (PreparedCopy copy : prepared) {
            if (copy.verdict() != null) {
                leakNoticed |= verdicts.record(ctx, copy.route(), message.evidence(), copy.verdict(), now);
            }
            switch (copy) {
                case PreparedCopy.Forward f -> copies.store(ctx, f, now);
                case PreparedCopy.Blocked b -> copies.store(ctx, b, now);
                case PreparedCopy.Operator o -> operatorCopies.store(ctx, o.row());
                case PreparedCopy.Bounce b -> events.record(ctx, b.aliasId(), "bounce", b.sender(), b.reason(), now);
                case PreparedCopy.Dropped d -> {
                }
            }
        }
        return leakNoticed;
    }

    private static Copy outcome(PreparedCopy copy) {
        return switch (copy) {
            case PreparedCopy.Forward f -> Copy.QUEUED;
            case PreparedCopy.Operator o -> Copy.QUEUED;
            case PreparedCopy.Blocked b -> b.refused() ? Copy.REFUSED : Copy.DROPPED;
            case PreparedCopy.Bounce b -> Copy.DROPPED;
            case PreparedCopy.Dropped d -> Copy.DROPPED;
        };
    }

    private static Set<String> distinct(List<String> recipients) {
        Set<String> unique = new LinkedHashSet<>();
        recipients.forEach(r -> unique.add(r.toLowerCase(Locale.ROOT)));
        return unique;
    }
}
