package dev.masq.outbox;

import java.time.Instant;
import java.util.List;

/**
 * Sends newly committed mail straight from memory, sparing it the round trip through the queue and
 * its scheduler. The queue row is still written, leased to this process, so a crash or a failed
 * attempt falls back on the queue like any other delivery.
 */
public interface DirectDispatch {
    /**
     * Room for {@code bytes} more of mail held in memory until sent: returns the lease to store its row
     * with, or null when the row should simply be queued (a receive-only process, or enough in memory).
     */
    Instant reserve(long bytes);

    /** After the commit: sends these deliveries, whose room was reserved. */
    void dispatch(List<Delivery> deliveries);

    /** The commit failed: gives back room reserved for it. */
    void release(long bytes);
}
