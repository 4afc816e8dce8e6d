package dev.masq.leak;

import com.google.common.net.InternetDomainName;
import dev.masq.alias.AliasEventRepository;
import dev.masq.common.InvalidInputException;
import dev.masq.common.NotFoundException;
import dev.masq.common.Wakeup;
import dev.masq.db.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import dev.masq.senderauth.AuthenticationResults;
import dev.masq.senderauth.SpamScore;
import dev.masq.senderauth.Domains;

/**
 * Leak status per alias: {@code clean} → {@code suspected} at the first foreign sender →
 * {@code leaked} at enough foreign domains, a spam report or spam-scored mail ({@link LeakPolicy}).
 */
public final class LeakService {
    private final Database db;
    private final LeakRepository leaks;
    private final AliasEventRepository events;
    private final VerdictClassifier classifier;
    private final LeakPolicy policy;
    private final Clock clock;
    private final LeakNotices notifications;
    private final Wakeup queued;
    private final GuardRepository guards;

    public LeakService(Database db, LeakRepository leaks, GuardRepository guards, AliasEventRepository events,
                       VerdictClassifier classifier, LeakPolicy policy, Clock clock, LeakNotices notifications,
                       Wakeup queued) {
        this.db = db;
        this.guards = guards;
        this.leaks = leaks;
        this.events = events;
        this.classifier = classifier;
        this.policy = policy;
        this.clock = clock;
        this.notifications = notifications;
        this.queued = queued;
    }

    /**
     * Classifies a received message against its alias's vendor (one read, no network), inside the
     * caller's transaction, where the pipeline records the verdict it returns.
     */
    public Verdict classify(DSLContext ctx, String aliasId, AuthenticationResults auth, SpamScore spam, MessageClues clues) {
        VendorBinding vendor = leaks.binding(ctx, aliasId).orElseThrow(() -> notFound(aliasId));
        AliasGuards aliasGuards = new AliasGuards(guards.identifiers(ctx, aliasId),
                guards.breachInEffect(ctx, aliasId, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)).orElse(null));
        return classifier.classify(auth, vendor, spam, clues, aliasGuards);
    }

    /**
     * Whether {@code verdict} still stands inside the write: the alias's vendor is still the one it was judged
     * against (another message may have taught the alias its vendor meanwhile).
     */
    public boolean isCurrent(DSLContext ctx, String aliasId, Verdict verdict) {
        return leaks.binding(ctx, aliasId).map(b -> b.equals(verdict.against())).orElse(false);
    }

    /**
     * Records a received message's verdict. Runs inside the caller's write transaction, so the verdict
     * is committed with the message. Returns true exactly when this message made the alias leaked:
     * the caller then enqueues the one notice with {@link LeakNotices#enqueue} in the same transaction.
     * A message that names no sender of its own (a spoof with a forged envelope too) is not counted.
     */
    public boolean record(DSLContext tx, String aliasId, Verdict verdict, Instant at) {
        String domain = verdict.senderDomain();
        if (domain == null) {
            return false;
        }
        if (verdict.kind() == VerdictKind.EXPECTED) {
            if (!verdict.learnsVendorDomain() || leaks.learnVendorDomain(tx, aliasId, domain)) {
                return false;
            }
            // Another message taught the alias its vendor between classification and now.
            if (leaks.binding(tx, aliasId).map(b -> b.vendorDomains().contains(domain)).orElse(true)) {
                return false;
            }
        }
        leaks.countForeign(tx, aliasId, domain, verdict.spam() != null && verdict.spam().isSpam(), at);
        return recompute(tx, aliasId, at);
    }

    /** The alias's leak with its evidence, inside a transaction (for composing the notice). */
    public AliasLeak leak(DSLContext tx, String aliasId) {
        return leaks.leak(tx, aliasId).orElseThrow(() -> notFound(aliasId));
    }

    public AliasLeak leak(String userId, String aliasId) {
        return db.read(ctx -> {
            requireOwned(ctx, userId, aliasId);
            return leak(ctx, aliasId);
        });
    }

    /** The leaks of the user's aliases among {@code aliasIds}, by alias id, in a fixed number of reads. */
    public Map<String, AliasLeak> leaks(String userId, Collection<String> aliasIds) {
        return db.read(ctx -> leaks.leaks(ctx, userId, aliasIds)).stream()
                .collect(Collectors.toMap(AliasLeak::aliasId, Function.identity()));
    }

    /** The domains allowed on the user's aliases among {@code aliasIds}; aliases without any are absent. */
    public Map<String, List<String>> allowedDomains(String userId, Collection<String> aliasIds) {
        return db.read(ctx -> AllowedDomainRepository.ofUser(ctx, userId, aliasIds));
    }

    /**
     * Replaces the domains the person accepts mail from on the alias besides the vendor's: they no longer
     * count as foreign, so the status is recomputed.
     */
    public AliasLeak setAllowedDomains(String userId, String aliasId, List<String> domains) {
        Set<String> allowed = new LinkedHashSet<>();
        domains.forEach(d -> allowed.add(registrable("allowed_domains", d)));
        return db.write(tx -> {
            requireOwned(tx, userId, aliasId);
            AllowedDomainRepository.replace(tx, aliasId, allowed);
            allowed.forEach(d -> leaks.forgetForeign(tx, aliasId, d));
            recompute(tx, aliasId, clock.instant());
            return leak(tx, aliasId);
        });
    }

    /**
     * Every alias of the person that is not clean, oldest leak first, a summary per vendor, and the burned
     * aliases never found leaking that mail still tries to reach.
     */
    public LeakReport report(String userId) {
        return db.read(ctx -> LeakReport.of(leaks.notClean(ctx, userId), leaks.cleanButWrittenAfterBurn(ctx, userId)));
    }

    /**
     * The person says a received message was spam: the alias counts as leaked. Reporting twice counts once.
     * The vendor's own mail (forwarded as expected) is the vendor spamming, not a leak: it is counted as
     * vendor spam and the status stays as it was.
     */
    public LeakChange reportSpam(String userId, String aliasId, String eventId) {
        LeakChange change = db.write(tx -> {
            requireOwned(tx, userId, aliasId);
            if (!leaks.isMessageEvent(tx, aliasId, eventId)) {
                throw new NotFoundException("no received message " + eventId + " on alias " + aliasId);
            }
            Instant now = clock.instant();
            boolean became = false;
            boolean fromVendor = leaks.isVendorMessage(tx, aliasId, eventId);
            if (leaks.addSpamReport(tx, aliasId, eventId, fromVendor, now)) {
                events.record(tx, aliasId, fromVendor ? "vendor_spam_reported" : "spam_reported", null, eventId, now);
                became = !fromVendor && recompute(tx, aliasId, now);
                if (became) {
                    notifications.enqueue(tx, aliasId, now);
                }
            }
            return new LeakChange(leak(tx, aliasId), became);
        });
        if (change.becameLeaked()) {
            queued.wake();
        }
        return change;
    }

    /** The person says a foreign domain is the vendor's (a new mailing provider, say); the status is recomputed. */
    public AliasLeak markVendorDomain(String userId, String aliasId, String domain) {
        String registrable = registrable("domain", domain);
        return db.write(tx -> {
            requireOwned(tx, userId, aliasId);
            leaks.confirmVendorDomain(tx, aliasId, registrable);
            leaks.forgetForeign(tx, aliasId, registrable);
            recompute(tx, aliasId, clock.instant());
            return leak(tx, aliasId);
        });
    }

    private static String registrable(String field, String domain) {
        return Domains.normalize(domain)
                .filter(d -> !InternetDomainName.from(d).isPublicSuffix())
                .map(Domains::registrable)
                .orElseThrow(() -> new InvalidInputException(field, "not a domain name: " + domain));
    }

    private boolean recompute(DSLContext tx, String aliasId, Instant now) {
        LeakRepository.StoredStatus before = leaks.status(tx, aliasId);
        LeakEvidence evidence = leaks.evidence(tx, aliasId);
        LeakStatus status = policy.status(evidence);
        boolean becameLeaked = status == LeakStatus.LEAKED && before.status() != LeakStatus.LEAKED;
        LeakRepository.StoredStatus after = new LeakRepository.StoredStatus(status,
                status == LeakStatus.CLEAN ? null : evidence.earliest(),
                status != LeakStatus.LEAKED ? null : becameLeaked ? now : before.leakedAt());
        if (!after.equals(before)) {
            leaks.saveStatus(tx, aliasId, after);
        }
        return becameLeaked;
    }

    private void requireOwned(DSLContext ctx, String userId, String aliasId) {
        if (!leaks.ownedBy(ctx, aliasId, userId)) {
            throw notFound(aliasId);
        }
    }

    private static NotFoundException notFound(String aliasId) {
        return new NotFoundException("no alias with id " + aliasId);
    }
}
