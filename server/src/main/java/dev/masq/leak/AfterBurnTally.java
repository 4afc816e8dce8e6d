package dev.masq.leak;

import dev.masq.db.Database;
import dev.masq.db.DatabaseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.masq.senderauth.Domains;

/**
 * Counts the recipients refused because their alias is burned, by envelope sender domain: who still
 * writes to it is evidence of where the address went. Runs on every such RCPT, so it never waits for
 * the database: attempts add up in memory and one write in the next group commit stores them all, as
 * bookkeeping whose loss in a crash only loses a few counts.
 */
public final class AfterBurnTally {
    private static final Logger log = LoggerFactory.getLogger(AfterBurnTally.class);
    /** Distinct domains kept per alias: a harvester trying endless domains grows only the total. */
    public static final int MAX_DOMAINS = 100;
    /** Distinct (alias, domain) pairs waiting for the writer; past it an attempt counts in the total only. */
    private static final int MAX_PENDING = 10_000;
    static final String NULL_SENDER = "<>";

    private final Database db;
    private final Clock clock;
    private final Map<Key, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean flushQueued = new AtomicBoolean();

    /** {@code domain} null: counted in the total only. */
    private record Key(String aliasId, String domain) {
    }

    private record Pending(long attempts, Instant lastAt) {
        Pending plus(Pending other) {
            return new Pending(attempts + other.attempts, lastAt.isAfter(other.lastAt) ? lastAt : other.lastAt);
        }
    }

    public AfterBurnTally(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** One refused recipient of the burned alias; {@code envelopeSender} is empty for the null reverse-path. */
    public void count(String aliasId, String envelopeSender) {
        Key key = new Key(aliasId, domainOf(envelopeSender));
        if (key.domain() != null && pending.size() >= MAX_PENDING && !pending.containsKey(key)) {
            key = new Key(aliasId, null);
        }
        pending.merge(key, new Pending(1, clock.instant()), Pending::plus);
        if (flushQueued.compareAndSet(false, true)) {
            try {
                db.writeLater(this::flush).exceptionally(e -> {
                    log.warn("counts of mail to burned aliases lost: {}", e.toString());
                    return null;
                });
            } catch (DatabaseException e) {
                flushQueued.set(false); // shutting down: the counts stay in memory and go with it
            }
        }
    }

    /** On the writer: everything counted so far, in the caller's group commit. */
    private void flush(DSLContext ctx) {
        // Cleared first: an attempt counted while this runs either is drained here or queues the next flush.
        flushQueued.set(false);
        for (Key key : pending.keySet()) {
            Pending p = pending.remove(key);
            if (p != null) {
                AfterBurnRepository.add(ctx, key.aliasId(), key.domain(), p.attempts(), p.lastAt(), MAX_DOMAINS);
            }
        }
    }

    /** The MAIL FROM domain as a lowercase A-label, {@code <>} for the null sender, null when it is no domain name. */
    static String domainOf(String envelopeSender) {
        if (envelopeSender == null || envelopeSender.isEmpty()) {
            return NULL_SENDER;
        }
        int at = envelopeSender.lastIndexOf('@');
        return at < 0 ? null : Domains.normalize(envelopeSender.substring(at + 1)).orElse(null);
    }
}
