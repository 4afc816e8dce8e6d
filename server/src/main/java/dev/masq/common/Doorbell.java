package dev.masq.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How a background sender waits for work: until its next item is due, until someone rings (new work
 * was committed), and never longer than a poll interval. A ring while the sender is busy is kept, so
 * its next wait returns at once.
 */
public final class Doorbell {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition rung = lock.newCondition();
    private final Clock clock;
    private final Duration poll;
    private boolean pending;

    public Doorbell(Clock clock, Duration poll) {
        this.clock = clock;
        this.poll = poll;
    }

    /** Cheap: only signals. */
    public void ring() {
        lock.lock();
        try {
            pending = true;
            rung.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until {@code due} (null: the poll interval), a ring, or the poll interval, whichever is first. */
    public void waitUntil(Instant due) throws InterruptedException {
        Duration wait = due == null ? poll : Duration.between(clock.instant(), due);
        long nanos = Math.min(wait.toNanos(), poll.toNanos());
        lock.lock();
        try {
            while (!pending && nanos > 0) {
                nanos = rung.awaitNanos(nanos);
            }
            pending = false;
        } finally {
            lock.unlock();
        }
    }
}
