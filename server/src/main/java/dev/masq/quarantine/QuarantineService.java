package dev.masq.quarantine;

import dev.masq.alias.AliasEventRepository;
import dev.masq.alias.AliasRepository;
import dev.masq.common.NotFoundException;
import dev.masq.crypto.Tokens;
import dev.masq.db.Database;
import dev.masq.outbox.Delivery;
import dev.masq.outbox.DeliveryQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the person does with quarantined mail: look at it, release it to their inbox, or delete it. */
public final class QuarantineService {
    private static final int LIST_LIMIT = 500;

    private final Database db;
    private final Quarantine quarantine;
    private final DeliveryQueue queue;
    private final AliasRepository aliases;
    private final AliasEventRepository events;
    private final Duration deliveryExpiry;
    private final Clock clock;
    private final Runnable deliveriesQueued;

    public QuarantineService(Database db, Quarantine quarantine, DeliveryQueue queue, AliasRepository aliases,
                             AliasEventRepository events, Duration deliveryExpiry, Clock clock, Runnable deliveriesQueued) {
        this.db = db;
        this.quarantine = quarantine;
        this.queue = queue;
        this.aliases = aliases;
        this.events = events;
        this.deliveryExpiry = deliveryExpiry;
        this.clock = clock;
        this.deliveriesQueued = deliveriesQueued;
    }

    /** The person's quarantined mail, newest first; of one alias when {@code aliasId} is not null. */
    public List<Quarantine.Entry> list(String userId, String aliasId) {
        return db.read(ctx -> {
            if (aliasId != null && aliases.find(ctx, userId, aliasId).isEmpty()) {
                throw new NotFoundException("no alias with id " + aliasId);
            }
            return quarantine.list(ctx, userId, aliasId, LIST_LIMIT);
        });
    }

    /**
     * Forwards the held copy as it would have been forwarded, warning and all, through the delivery queue, and
     * removes it from quarantine in the same transaction.
     */
    public void release(String userId, String id) {
        Instant now = clock.instant();
        db.writeVoid(ctx -> {
            Quarantine.Held held = quarantine.open(ctx, userId, id);
            if (held == null) {
                throw notFound(id);
            }
            for (String inbox : held.recipients()) {
                queue.enqueue(ctx, new Delivery(Tokens.newOrderedId("dl"), held.aliasId(), Delivery.Kind.FORWARD,
                        held.envelopeFrom(), inbox, held.content(), 0, now, now.plus(deliveryExpiry)));
            }
            quarantine.delete(ctx, userId, id);
            aliases.countForwarded(ctx, held.aliasId(), now);
            events.record(ctx, held.aliasId(), "released", null, held.verdict().wire(), now);
        });
        deliveriesQueued.run();
    }

    public void delete(String userId, String id) {
        boolean deleted = db.write(ctx -> quarantine.delete(ctx, userId, id));
        if (!deleted) {
            throw notFound(id);
        }
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("no quarantined message with id " + id);
    }
}
