package dev.masq.mail.forward;

import dev.masq.alias.AliasRoute;
import dev.masq.block.SenderBlocks;
import dev.masq.leak.LeakNotices;
import dev.masq.leak.LeakService;
import dev.masq.leak.Verdict;
import dev.masq.leak.VerdictKind;
import java.time.Instant;
import org.jooq.DSLContext;

/**
 * Judges a received message for one alias: classified before the write that stores it (the verdict shows
 * in the copy's headers), recorded inside it.
 */
final class AliasVerdicts {
    private final LeakService leaks;
    private final LeakNotices leakNotices;
    private final SenderBlocks blocks;

    AliasVerdicts(LeakService leaks, LeakNotices leakNotices, SenderBlocks blocks) {
        this.leaks = leaks;
        this.leakNotices = leakNotices;
        this.blocks = blocks;
    }

    /** The verdict on this message for this alias, against the alias's vendor as last committed. */
    Verdict classify(DSLContext ctx, AliasRoute route, SenderEvidence evidence) {
        return leaks.classify(ctx, route.aliasId(), evidence.auth(), evidence.spam());
    }

    /**
     * Inside the write: records the verdict as leak evidence even if the copy is then refused or dropped (a
     * blocked spammer still proves the address escaped); the first time the alias counts as leaked, its one
     * notice is queued in this same transaction, and true is returned. Throws {@link StaleCopy} when another
     * message changed the alias's vendor since {@code verdict} was taken: the copy carries the verdict.
     */
    boolean record(DSLContext ctx, AliasRoute route, SenderEvidence evidence, Verdict verdict, Instant now) {
        if (!classify(ctx, route, evidence).equals(verdict)) {
            throw new StaleCopy("the vendor of alias " + route.aliasId() + " changed meanwhile");
        }
        return leaks.record(ctx, route.aliasId(), verdict, now) && leakNotices.enqueue(ctx, route.aliasId(), now);
    }

    /**
     * The header From is judged after DATA: blocked on its own, or not the vendor on a vendor-only alias
     * (which needs a verdict: with leak detection off, vendor-only refuses nothing).
     */
    boolean refuses(DSLContext ctx, AliasRoute route, String author, Verdict verdict) {
        return (author != null && blocks.isBlocked(ctx, route.aliasId(), route.userId(), author))
                || (verdict != null && verdict.kind() != VerdictKind.EXPECTED && blocks.isVendorOnly(ctx, route.aliasId()));
    }
}
