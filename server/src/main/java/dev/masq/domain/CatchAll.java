package dev.masq.domain;

import dev.masq.account.AccountRepository;
import dev.masq.account.Mailbox;
import dev.masq.alias.AddressGenerator;
import dev.masq.alias.Alias;
import dev.masq.alias.AliasEventRepository;
import dev.masq.alias.AliasRepository;
import dev.masq.alias.AliasState;
import dev.masq.common.InvalidInputException;
import dev.masq.crypto.Tokens;
import dev.masq.db.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Catch-all: on a verified domain with it on, mail to an address that never existed makes that alias, with the
 * local part as its vendor label and no vendor domain yet (the first sender's is learned, as for any alias made
 * without a site). A burned or deleted address is never made again. At most {@code MASQ_CATCHALL_DAILY_LIMIT}
 * aliases per domain and UTC day, so that a dictionary attack fills a counter, not the owner's alias list.
 */
public final class CatchAll {
    /** What an unknown address on a verified domain is to catch-all. */
    public enum Decision { NONE, CREATE, FULL, FULL_NOTICED }

    /** The day's limit was reached between RCPT and the write: the message is to be tried again later. */
    public static final class LimitReached extends RuntimeException {
        public LimitReached(String domain) {
            super("catch-all limit of " + domain + " reached");
        }
    }

    private final Database db;
    private final DomainRepository domains;
    private final AliasRepository aliases;
    private final AliasEventRepository events;
    private final AccountRepository accounts;
    private final AddressGenerator generator;
    private final DomainNotices notices;
    private final int dailyLimit;
    private final Clock clock;
    private final Runnable wakeDeliveries;

    public CatchAll(Database db, DomainRepository domains, AliasRepository aliases, AliasEventRepository events,
                    AccountRepository accounts, AddressGenerator generator, DomainNotices notices, int dailyLimit,
                    Clock clock, Runnable wakeDeliveries) {
        this.db = db;
        this.domains = domains;
        this.aliases = aliases;
        this.events = events;
        this.accounts = accounts;
        this.generator = generator;
        this.notices = notices;
        this.dailyLimit = dailyLimit;
        this.clock = clock;
        this.wakeDeliveries = wakeDeliveries;
    }

    /** The claimed (verified or suspended) domain of this name, for the intake; one indexed read. */
    public Optional<Domain> claimed(DSLContext ctx, String name) {
        return domains.findClaimed(ctx, name);
    }

    /** In the RCPT read, for {@code address} on {@code d} where no alias row exists. */
    public Decision decide(DSLContext ctx, Domain d, String address) {
        if (!d.catchAll() || !takesLocalPart(address) || aliases.addressTaken(ctx, address)) {
            return Decision.NONE;
        }
        DomainRepository.Day day = domains.catchAllDay(ctx, d.id(), today());
        if (day.created() >= dailyLimit) {
            return day.limitNoticed() ? Decision.FULL_NOTICED : Decision.FULL;
        }
        return Decision.CREATE;
    }

    /** Tells the owner, once per domain and day, that the limit was reached. */
    public void noticeLimit(Domain d) {
        Instant now = clock.instant();
        boolean queued = db.write(ctx -> {
            if (!domains.claimLimitNotice(ctx, d.id(), today())) {
                return false;
            }
            notices.catchAllLimit(ctx, d, dailyLimit, now);
            return true;
        });
        if (queued) {
            wakeDeliveries.run();
        }
    }

    /**
     * After DATA, before the message's own write: makes the alias, unless another message made it meanwhile (or
     * it was burned or deleted since). A failure of the message's write then leaves the alias waiting for the
     * sender's retry: no message is lost and none is accepted before it is stored.
     *
     * @param sender the envelope sender, empty for the null sender
     * @throws LimitReached when the day's limit filled since RCPT
     */
    public void create(Domain d, String address, String sender) {
        db.writeVoid(ctx -> {
            if (aliases.addressTaken(ctx, address)) {
                return;
            }
            long today = today();
            if (domains.catchAllDay(ctx, d.id(), today).created() >= dailyLimit) {
                throw new LimitReached(d.name());
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            String local = address.substring(0, address.lastIndexOf('@'));
            Alias alias = new Alias(Tokens.newId("al"), d.userId(), address, local, List.of(), null, AliasState.ACTIVE,
                    now, 0, 0, null, null, null, null);
            List<String> inboxes = accounts.defaultMailbox(ctx, d.userId()).map(Mailbox::id).map(List::of).orElse(List.of());
            aliases.insert(ctx, alias, inboxes);
            domains.countCatchAll(ctx, d.id(), today);
            events.record(ctx, alias.id(), "auto_created", sender.isEmpty() ? null : sender,
                    "catch-all on " + d.name(), now);
        });
    }

    /** A local part an alias could have been given: never one masq keeps for itself. */
    private boolean takesLocalPart(String address) {
        try {
            generator.custom(address.substring(0, address.lastIndexOf('@')));
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    private long today() {
        return clock.instant().truncatedTo(ChronoUnit.DAYS).getEpochSecond() / 86_400;
    }
}
