package dev.masq.mail.forward;

import dev.masq.alias.AliasRoute;
import dev.masq.block.SenderBlocks;
import dev.masq.leak.LeakNotifications;
import dev.masq.leak.LeakService;
import dev.masq.leak.Verdict;
import dev.masq.leak.VerdictKind;
import java.time.Instant;
import org.jooq.DSLContext;

/** Judges a received message for one alias, inside the transaction that stores it. */
final class AliasVerdicts {
    private final LeakService leaks;
    private final LeakNotifications leakNotifications;
    private final SenderBlocks blocks;

    AliasVerdicts(LeakService leaks, LeakNotifications leakNotifications, SenderBlocks blocks) {
        this.leaks = leaks;
        this.leakNotifications = leakNotifications;
        this.blocks = blocks;
    }

    /**
     * The verdict on this message for this alias, recorded as leak evidence even if the copy is then
     * refused or dropped (a blocked spammer still proves the address escaped); the first time the alias
     * counts as leaked, its one notice is queued in this same transaction.
     */
    Judgement judge(DSLContext ctx, AliasRoute route, SenderEvidence evidence, Instant now) {
        Verdict verdict = leaks.classify(ctx, route.aliasId(), evidence.auth(), evidence.spam());
        boolean noticed = leaks.record(ctx, route.aliasId(), verdict, now)
                && leakNotifications.enqueue(ctx, route.aliasId(), now);
        return new Judgement(verdict, noticed);
    }

    /** {@code leakNoticed}: this message made the alias leaked and its notice (and webhook call) was queued. */
    record Judgement(Verdict verdict, boolean leakNoticed) {
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
