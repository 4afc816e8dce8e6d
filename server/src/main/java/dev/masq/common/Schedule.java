package dev.masq.common;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A housekeeping job run on its own daemon thread, first after {@code first} and then {@code every} after the end
 * of the last run. A run that fails is logged and the next one tries again: one bad run must not end the schedule.
 */
public final class Schedule implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Schedule.class);

    private final ScheduledExecutorService timer;

    private Schedule(String name, Duration first, Duration every, Runnable job) {
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(name).daemon().factory());
        timer.scheduleWithFixedDelay(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                log.warn("{} failed; the next run tries again", name, e);
            }
        }, first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    public static Schedule start(String name, Duration first, Duration every, Runnable job) {
        return new Schedule(name, first, every, job);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
