package dev.masq.leak;

import dev.masq.alias.Alias;
import dev.masq.alias.AliasEventRepository;
import dev.masq.alias.AliasService;
import dev.masq.alias.AliasState;
import dev.masq.common.Wakeup;
import dev.masq.crypto.Tokens;
import dev.masq.db.Database;
import java.time.Clock;
import java.time.Instant;
import org.jooq.DSLContext;

/**
 * What the links in a leak notice do. Looking at a link ({@link #inspect}) changes nothing; acting on
 * it ({@link #perform}) burns and replaces the alias or dismisses the warning, once.
 */
public final class LeakActions {
    /** Why a link does nothing. */
    public enum Refusal { INVALID, EXPIRED, USED, ALREADY_BURNED }

    public static final class Refused extends RuntimeException {
        private final Refusal reason;

        Refused(Refusal reason) {
            super(reason.name(), null, false, false);
            this.reason = reason;
        }

        public Refusal reason() {
            return reason;
        }
    }

    /** What a link would do, to ask the person before doing it. */
    public record Pending(ActionLinks.Action action, AliasLeak leak) {
    }

    /** @param replacement the new alias, for a burn */
    public record Done(ActionLinks.Action action, AliasLeak leak, Alias replacement) {
    }

    private final Database db;
    private final ActionLinks links;
    private final LeakRepository leaks;
    private final LeakNoticeRepository notices = new LeakNoticeRepository();
    private final AliasEventRepository events;
    private final AliasService aliases;
    private final Clock clock;
    private final Wakeup queued;

    public LeakActions(Database db, ActionLinks links, LeakRepository leaks, AliasEventRepository events,
                       AliasService aliases, Clock clock, Wakeup queued) {
        this.db = db;
        this.links = links;
        this.leaks = leaks;
        this.events = events;
        this.aliases = aliases;
        this.clock = clock;
        this.queued = queued;
    }

    public Pending inspect(String token) {
        return db.read(ctx -> {
            ActionLinks.Claim claim = usable(ctx, token);
            return new Pending(claim.action(), leaks.leak(ctx, claim.aliasId()).orElseThrow(() -> new Refused(Refusal.INVALID)));
        });
    }

    public Done perform(String token) {
        Done done = db.write(tx -> {
            ActionLinks.Claim claim = usable(tx, token);
            notices.markUsed(tx, Tokens.sha256(token), clock.instant());
            String aliasId = claim.aliasId();
            Alias replacement = null;
            if (claim.action() == ActionLinks.Action.BURN) {
                // A write inside a write runs inline on the writer: the burn commits with the used token, or neither does.
                replacement = aliases.burn(notices.ownerOf(tx, aliasId), aliasId, true, "leaked").replacement();
            } else {
                notices.acknowledge(tx, aliasId);
                events.record(tx, aliasId, "leak_dismissed", null, null, clock.instant());
            }
            return new Done(claim.action(), leaks.leak(tx, aliasId).orElseThrow(), replacement);
        });
        queued.wake();
        return done;
    }

    private ActionLinks.Claim usable(DSLContext ctx, String token) {
        ActionLinks.Claim claim = links.verify(token).orElseThrow(() -> new Refused(Refusal.INVALID));
        if (!Instant.now(clock).isBefore(claim.expiresAt())) {
            throw new Refused(Refusal.EXPIRED);
        }
        if (notices.isUsed(ctx, Tokens.sha256(token))) {
            throw new Refused(Refusal.USED);
        }
        String state = notices.stateOf(ctx, claim.aliasId()).orElseThrow(() -> new Refused(Refusal.INVALID));
        if (state.equals(AliasState.BURNED.wire())) {
            throw new Refused(Refusal.ALREADY_BURNED);
        }
        return claim;
    }
}
