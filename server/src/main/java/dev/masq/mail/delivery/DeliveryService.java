package dev.masq.mail.delivery;

import dev.masq.account.AccountRepository;
import dev.masq.alias.AliasEventRepository;
import dev.masq.alias.AliasRepository;
import dev.masq.common.Doorbell;
import dev.masq.config.Config;
import dev.masq.db.Database;
import dev.masq.mail.DkimSigning;
import dev.masq.outbox.Delivery;
import dev.masq.outbox.DeliveryQueue;
import dev.masq.outbox.DirectDispatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outgoing side: a scheduler that leases due deliveries from the queue and sends each on its
 * own virtual thread, at most {@code concurrency} at once. It sleeps until the next delivery is
 * due, until {@link #wake()} says new work was committed, or until a sender finishes. Mail just
 * committed by the forwarding pipeline skips the scheduler: it is handed over in memory
 * ({@link DirectDispatch}) and waits for a free sender there. It starts once and stops once.
 */
public final class DeliveryService implements DirectDispatch, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);
    // A live worker clears its lease when it finishes; the lease only matters if a worker hangs
    // past every timeout, so it is far longer than any attempt (5 hosts × connect and read timeouts).
    private static final Duration LEASE = Duration.ofHours(1);
    // The safety net for what no wake() announces: expired leases, rows written by other tools.
    private static final Duration POLL = Duration.ofMinutes(1);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    // Mail handed over directly waits in memory for a free sender; beyond this much it waits in the queue.
    private static final long DIRECT_BYTES = 16L << 20;

    private final Database db;
    private final DeliveryQueue queue;
    private final Courier courier;
    private final SmtpSender sender;
    private final DeliveryOutcomes outcomes;
    private final Clock clock;
    private final Semaphore slots;
    private final boolean receiveOnly;
    private final Doorbell doorbell;
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("delivery-", 0).factory());
    private final AtomicLong directBytes = new AtomicLong();
    // The scheduler found every sender busy: whoever frees one must wake it.
    private volatile boolean starved;
    private volatile boolean running;
    private Thread scheduler;

    /** {@code c} gives the sending settings: relay or MX, STARTTLS, retries, expiry and concurrency. */
    public DeliveryService(Config c, Database db, DeliveryQueue queue, AliasRepository aliases, AccountRepository accounts,
                           AliasEventRepository events, DkimSigning dkim, Clock clock) {
        this.db = db;
        this.queue = queue;
        this.clock = clock;
        this.doorbell = new Doorbell(clock, POLL);
        this.sender = new SmtpSender(c.hostname(), c.deliveryStartTls(), dkim);
        this.courier = new Courier(c.relay(), new MxResolver(c.dns(), c.mxPort()), sender);
        UndeliverableNotices notices = new UndeliverableNotices(aliases, accounts, events, queue,
                c.deliveryExpiry(), c.hostname());
        this.outcomes = new DeliveryOutcomes(db, queue, notices, new RetryPolicy(c.retryMin(), c.retryMax()), clock);
        this.slots = new Semaphore(Math.max(1, c.deliveryConcurrency()));
        this.receiveOnly = c.deliveryConcurrency() == 0;
    }

    /** Hands every delivery leased by a previous run out again, then starts sending. */
    public void start() {
        if (receiveOnly) {
            log.info("MASQ_DELIVERY_CONCURRENCY is 0: this process only receives; another one delivers the queue");
            return;
        }
        int released = db.write(queue::releaseAllLeases);
        if (released > 0) {
            log.info("released {} deliveries left in flight by the previous run", released);
        }
        running = true;
        scheduler = Thread.ofVirtual().name("delivery-scheduler").start(this::schedule);
    }

    /** Says that deliveries were committed to the queue; call it after the commit. Cheap: it only signals. */
    public void wake() {
        doorbell.ring();
    }

    private void schedule() {
        while (running) {
            try {
                int free = slots.availablePermits();
                starved = free == 0;
                if (starved) {
                    sleepUntil(null);
                    continue;
                }
                Instant now = clock.instant();
                List<Delivery> due = db.write(ctx -> queue.claimDue(ctx, now, now.plus(LEASE), free));
                due.forEach(this::dispatch);
                if (due.size() < free) {
                    sleepUntil(db.read(queue::nextDue));
                }
            } catch (RuntimeException e) {
                if (running) {
                    log.error("delivery scheduler: {}", e.getMessage(), e);
                    sleepUntil(clock.instant().plus(Duration.ofSeconds(1)));
                }
            }
        }
    }

    @Override
    public Instant reserve(long bytes) {
        if (!running) {
            return null;
        }
        if (directBytes.addAndGet(bytes) > DIRECT_BYTES) {
            directBytes.addAndGet(-bytes);
            return null;
        }
        return clock.instant().plus(LEASE);
    }

    @Override
    public void release(long bytes) {
        directBytes.addAndGet(-bytes);
    }

    @Override
    public void dispatch(List<Delivery> deliveries) {
        for (Delivery d : deliveries) {
            try {
                workers.execute(() -> sendDirect(d));
            } catch (RejectedExecutionException stopping) {
                // Stopped meanwhile: the row stays leased, and the next start sends it.
                release(d.content().length);
            }
        }
    }

    private void sendDirect(Delivery d) {
        try {
            slots.acquire();
        } catch (InterruptedException stopping) {
            release(d.content().length);
            return;
        }
        boolean delivered = false;
        try {
            delivered = attempt(d);
        } finally {
            slots.release();
            release(d.content().length);
            // A copy that failed went back to the queue for a later try, which the scheduler must plan.
            if (!delivered || starved) {
                wake();
            }
        }
    }

    private void dispatch(Delivery d) {
        slots.acquireUninterruptibly();
        workers.execute(() -> {
            try {
                attempt(d);
            } finally {
                slots.release();
                wake();
            }
        });
    }

    /** Returns whether the delivery went out. */
    private boolean attempt(Delivery d) {
        try {
            outcomes.delivered(d, courier.carry(d));
            return true;
        } catch (DeliveryFailure f) {
            // Stopping interrupts senders; their failure says nothing about the destination. The
            // lease stays and the next start hands the delivery out again at once.
            if (running) {
                outcomes.failed(d, f);
            }
        } catch (RuntimeException e) {
            log.error("delivery {} failed unexpectedly; it stays leased until the next start or for {}", d.id(), LEASE, e);
        }
        return false;
    }

    /** Waits until {@code due} (null: until woken or the poll interval), or until woken. */
    private void sleepUntil(Instant due) {
        try {
            doorbell.waitUntil(due);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops scheduling, interrupts sends still running, and waits for them to let go of the database. */
    public void stop() {
        if (!running && scheduler == null) {
            return;
        }
        running = false;
        wake();
        try {
            if (scheduler != null) {
                scheduler.join(STOP_GRACE.toMillis());
            }
            workers.shutdownNow();
            if (!workers.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("delivery workers still running after {}", STOP_GRACE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sender.close();
            scheduler = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
