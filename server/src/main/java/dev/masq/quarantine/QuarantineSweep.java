package dev.masq.quarantine;

import dev.masq.common.Schedule;
import dev.masq.account.AccountRepository;
import dev.masq.account.Mailbox;
import dev.masq.crypto.Tokens;
import dev.masq.db.Database;
import dev.masq.outbox.Delivery;
import dev.masq.outbox.DeliveryQueue;
import dev.masq.outbox.NoticeMail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once an hour: deletes quarantined mail past {@code MASQ_QUARANTINE_DAYS} (row, subject and body), and sends each
 * person who has newly quarantined mail and keeps the digest on at most one digest a day, through the queue.
 */
public final class QuarantineSweep implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QuarantineSweep.class);
    private static final int BATCH = 500;
    private static final Duration EVERY = Duration.ofHours(1);
    private static final Duration FIRST_RUN = Duration.ofMinutes(1);
    private static final Duration DIGEST_EVERY = Duration.ofDays(1);

    /** What a digest needs besides the rows: where it comes from and how long the queue keeps trying. */
    public record DigestMail(String noticeDomain, String hostname, Duration deliveryExpiry) {
    }

    private final Database db;
    private final Quarantine quarantine;
    private final PolicyRepository policies;
    private final AccountRepository accounts;
    private final DeliveryQueue queue;
    private final DigestMail mail;
    private final Clock clock;
    private final Runnable deliveriesQueued;
    private Schedule schedule;

    public QuarantineSweep(Database db, Quarantine quarantine, PolicyRepository policies, AccountRepository accounts,
                           DeliveryQueue queue, DigestMail mail, Clock clock, Runnable deliveriesQueued) {
        this.db = db;
        this.quarantine = quarantine;
        this.policies = policies;
        this.accounts = accounts;
        this.queue = queue;
        this.mail = mail;
        this.clock = clock;
        this.deliveriesQueued = deliveriesQueued;
    }

    public void start() {
        schedule = Schedule.start("quarantine-sweep", FIRST_RUN, EVERY, this::sweep);
    }

    /** Deletes what expired by {@code now}, batch by batch (the writer serves mail in between); returns how many. */
    public int expire(Instant now) {
        int total = 0;
        int deleted;
        do {
            deleted = db.write(ctx -> quarantine.deleteExpired(ctx, now, BATCH));
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }

    /** Queues the digests due at {@code now}; returns how many. */
    public int digest(Instant now) {
        List<String> users = db.read(quarantine::usersWithUndigested);
        int sent = 0;
        for (String userId : users) {
            boolean queued = db.write(ctx -> {
                PolicyRepository.UserPolicy policy = policies.user(ctx, userId);
                Instant last = policies.digestSentAt(ctx, userId);
                if (policy.digest() && last != null && last.plus(DIGEST_EVERY).isAfter(now)) {
                    return false; // the day's digest went out already: the rows wait for tomorrow's
                }
                List<Quarantine.Entry> held = quarantine.undigested(ctx, userId);
                // With the digest off, what was held meanwhile is not sent later when it is turned back on.
                quarantine.markDigested(ctx, userId);
                Optional<Mailbox> inbox = accounts.defaultMailbox(ctx, userId);
                if (!policy.digest() || held.isEmpty() || inbox.isEmpty()) {
                    return false;
                }
                String to = inbox.get().address();
                // Due at once: {@code now} only decides whether the day's digest is due.
                Instant queuedAt = clock.instant();
                byte[] notice = NoticeMail.render("masq <masq@" + mail.noticeDomain() + ">", to,
                        "masq quarantined " + held.size() + (held.size() == 1 ? " message" : " messages"),
                        QuarantineDigest.body(held), mail.hostname(), queuedAt);
                queue.enqueue(ctx, new Delivery(Tokens.newOrderedId("dl"), null, Delivery.Kind.NOTICE, "", to, notice, 0,
                        queuedAt, queuedAt.plus(mail.deliveryExpiry())));
                policies.digestSent(ctx, userId, now);
                return true;
            });
            if (queued) {
                sent++;
            }
        }
        if (sent > 0) {
            deliveriesQueued.run();
        }
        return sent;
    }

    private void sweep() {
        Instant now = clock.instant();
        int expired = expire(now);
        if (expired > 0) {
            log.info("deleted {} quarantined messages past their retention", expired);
        }
        digest(now);
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.close();
        }
    }
}
