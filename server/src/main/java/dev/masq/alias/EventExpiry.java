package dev.masq.alias;

import dev.masq.common.Schedule;
import dev.masq.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes alias events older than {@code MASQ_EVENT_RETENTION}, once an hour: the timeline of who wrote to an
 * alias is not kept for ever. The per-alias counters live on the alias and stay.
 */
public final class EventExpiry implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventExpiry.class);
    // Small batches, each its own transaction, so mail being accepted gets the single writer in between.
    static final int BATCH = 500;
    private static final Duration EVERY = Duration.ofHours(1);
    private static final Duration FIRST_RUN = Duration.ofMinutes(1);

    private final Database db;
    private final AliasEventRepository events;
    private final Duration retention;
    private final Clock clock;
    private Schedule schedule;

    public EventExpiry(Database db, AliasEventRepository events, Duration retention, Clock clock) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("MASQ_EVENT_RETENTION must be positive");
        }
        this.db = db;
        this.events = events;
        this.retention = retention;
        this.clock = clock;
    }

    /** A running expiry: the first run a minute from now, then hourly. */
    public static EventExpiry start(Database db, AliasEventRepository events, Duration retention, Clock clock) {
        EventExpiry expiry = new EventExpiry(db, events, retention, clock);
        expiry.schedule = Schedule.start("event-expiry", FIRST_RUN, EVERY, expiry::run);
        return expiry;
    }

    /** Deletes every event older than the retention, batch by batch; returns how many went. */
    public int expireOld() {
        Instant cutoff = clock.instant().minus(retention);
        int total = 0;
        int deleted;
        do {
            deleted = db.write(ctx -> events.deleteOlderThan(ctx, cutoff, BATCH));
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }

    private void run() {
        int deleted = expireOld();
        if (deleted > 0) {
            log.info("deleted {} alias events older than {}", deleted, retention);
        }
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.close();
        }
    }
}
