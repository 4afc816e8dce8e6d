package dev.masq.domain;

import dev.masq.common.Schedule;
import dev.masq.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every verified (and suspended) domain of users' own again, once a day by default: when its ownership
 * record or MX is gone, its owner gets one notice; when they stay gone for {@link #SUSPEND_AFTER}, the domain is
 * suspended and its mail refused. Records back, and the domain is verified again.
 */
public final class DomainRecheck implements AutoCloseable {
    static final Duration SUSPEND_AFTER = Duration.ofDays(7);
    private static final Logger log = LoggerFactory.getLogger(DomainRecheck.class);
    private static final Duration FIRST_RUN = Duration.ofMinutes(5);

    private final Database db;
    private final DomainRepository domains;
    private final DomainVerifier verifier;
    private final DomainNotices notices;
    private final Clock clock;
    private final Runnable wakeDeliveries;
    private Schedule schedule;

    public DomainRecheck(Database db, DomainRepository domains, DomainVerifier verifier, DomainNotices notices,
                         Clock clock, Runnable wakeDeliveries) {
        this.db = db;
        this.domains = domains;
        this.verifier = verifier;
        this.notices = notices;
        this.clock = clock;
        this.wakeDeliveries = wakeDeliveries;
    }

    /** Runs a few minutes after start, then every {@code interval}. */
    public DomainRecheck start(Duration interval) {
        schedule = Schedule.start("domain-recheck", FIRST_RUN, interval, this::runOnce);
        return this;
    }

    /** Checks each domain (DNS outside any transaction, one write per domain); returns how many are failing. */
    public int runOnce() {
        List<Domain> due = db.read(domains::toRecheck);
        int failing = 0;
        boolean noticed = false;
        for (Domain d : due) {
            Map<String, DnsRecord.Check> checks = verifier.check(d);
            Instant now = clock.instant();
            boolean ok = DomainVerifier.receives(checks);
            failing += ok ? 0 : 1;
            noticed |= db.write(ctx -> {
                domains.saveChecks(ctx, d.id(), checks, now);
                if (ok) {
                    if (d.failingSince() != null || d.status() != DomainStatus.VERIFIED) {
                        domains.setVerified(ctx, d.id(), d.verifiedAt() == null ? now : d.verifiedAt());
                    }
                    return false;
                }
                Instant since = d.failingSince() == null ? now : d.failingSince();
                if (d.status() == DomainStatus.VERIFIED && !since.plus(SUSPEND_AFTER).isAfter(now)) {
                    domains.setStatus(ctx, d.id(), DomainStatus.SUSPENDED);
                    log.info("suspended domain {}: ownership or MX gone since {}", d.name(), since);
                }
                if (d.failureNoticed()) {
                    domains.setFailing(ctx, d.id(), since, true);
                    return false;
                }
                domains.setFailing(ctx, d.id(), since, true);
                notices.recordsGone(ctx, d, now);
                return true;
            });
        }
        if (noticed) {
            wakeDeliveries.run();
        }
        return failing;
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.close();
        }
    }
}
