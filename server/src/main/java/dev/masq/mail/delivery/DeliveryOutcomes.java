package dev.masq.mail.delivery;

import dev.masq.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.masq.outbox.Delivery;
import dev.masq.outbox.DeliveryQueue;

/** Records what became of an attempt: delivered (row gone), retry later, or given up (row gone, owner told). */
final class DeliveryOutcomes {
    private static final Logger log = LoggerFactory.getLogger(DeliveryOutcomes.class);

    private final Database db;
    private final DeliveryQueue queue;
    private final UndeliverableNotices notices;
    private final RetryPolicy retry;
    private final Clock clock;

    DeliveryOutcomes(Database db, DeliveryQueue queue, UndeliverableNotices notices, RetryPolicy retry, Clock clock) {
        this.db = db;
        this.queue = queue;
        this.notices = notices;
        this.retry = retry;
        this.clock = clock;
    }

    void delivered(Delivery d, Hop hop) {
        // Not waited for: the row stays leased meanwhile, and if the process dies before this commits,
        // the message goes out once more (at least once, never lost).
        db.writeLater(ctx -> queue.remove(ctx, d.id())).exceptionally(e -> {
            log.warn("delivered {} but could not remove it from the queue; it will be sent again: {}", d.id(), e.getMessage());
            return null;
        });
        // One line per message would cost more than the delivery itself at full load; failures stay at INFO.
        log.debug("delivered {} {} to {} after {} failed attempts", d.kind().wire(), d.id(), hop, d.attempts());
    }

    void failed(Delivery d, DeliveryFailure failure) {
        Instant now = clock.instant();
        int failures = d.attempts() + 1;
        if (!failure.isPermanent() && now.isBefore(d.expiresAt())) {
            Instant next = retry.nextAttempt(failures, now, d.expiresAt());
            db.writeVoid(ctx -> queue.reschedule(ctx, d.id(), failures, next, failure.summary()));
            log.info("deferred {} {} (attempt {}), next try at {}: {}", d.kind().wire(), d.id(), failures, next, failure.getMessage());
            return;
        }
        GivenUp why = failure.isPermanent()
                ? new GivenUp(failure.summary(), failure.getMessage())
                : new GivenUp("expired after " + failures + " attempts; last: " + failure.summary(),
                        "still not delivered after " + lifetime(d) + " and " + failures + " attempts; last error: " + failure.getMessage());
        // The removal and the notice commit together: the owner is told exactly once, or the
        // delivery is still queued and will be given up again.
        boolean noticed = db.write(ctx -> {
            queue.remove(ctx, d.id());
            return notices.onGivenUp(ctx, d, why.summary(), why.detail(), now);
        });
        log.warn("gave up {} {}{}: {}", d.kind().wire(), d.id(), noticed ? ", owner notified" : "", why.detail());
    }

    /** {@code summary} is kept in clear on the alias; {@code detail} only travels inside the encrypted notice. */
    private record GivenUp(String summary, String detail) {
    }

    private static String lifetime(Delivery d) {
        Duration life = Duration.between(d.createdAt(), d.expiresAt());
        if (life.toDays() >= 1) {
            return count(life.toDays(), "day");
        }
        if (life.toHours() >= 1) {
            return count(life.toHours(), "hour");
        }
        return life.toMinutes() >= 1 ? count(life.toMinutes(), "minute") : count(life.toSeconds(), "second");
    }

    private static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
