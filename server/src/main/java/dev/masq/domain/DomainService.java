package dev.masq.domain;

import dev.masq.alias.AliasEventRepository;
import dev.masq.alias.AliasRepository;
import dev.masq.alias.UserDomains;
import dev.masq.common.ConflictException;
import dev.masq.common.InvalidInputException;
import dev.masq.common.NotFoundException;
import dev.masq.config.DomainSettings;
import dev.masq.crypto.Secrets;
import dev.masq.crypto.Tokens;
import dev.masq.db.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * A user's own domains and subdomains of ours: adding one (with the records to publish and a fresh DKIM key,
 * sealed before it is stored), checking its records, catch-all, deleting it (its aliases burn with it).
 * No user sees another's domains: each is found by its owner and id, anything else is "not found".
 */
public final class DomainService implements UserDomains {
    private final Database db;
    private final DomainRepository domains;
    private final AliasRepository aliases;
    private final AliasEventRepository events;
    private final DomainVerifier verifier;
    private final Secrets secrets;
    private final List<String> ours;
    private final DomainSettings settings;
    private final String hostname;
    private final Clock clock;

    /** {@code ours}: the operator's alias domains ({@code MASQ_DOMAINS}); {@code hostname} is where the MX points. */
    public DomainService(Database db, DomainRepository domains, AliasRepository aliases, AliasEventRepository events,
                         DomainVerifier verifier, Secrets secrets, List<String> ours, DomainSettings settings,
                         String hostname, Clock clock) {
        this.db = db;
        this.domains = domains;
        this.aliases = aliases;
        this.events = events;
        this.verifier = verifier;
        this.secrets = secrets;
        this.ours = List.copyOf(ours);
        this.settings = settings;
        this.hostname = hostname;
        this.clock = clock;
    }

    public DomainSetup add(String userId, NewDomain request) {
        boolean hasDomain = request.domain() != null;
        boolean hasSubdomain = request.subdomain() != null;
        if (hasDomain == hasSubdomain) {
            throw new InvalidInputException(hasDomain ? "subdomain" : "domain",
                    "give either a domain of your own or a subdomain to claim, not both");
        }
        if (hasSubdomain) {
            return claimSubdomain(userId, request);
        }
        if (request.parent() != null) {
            throw new InvalidInputException("parent", "parent goes with subdomain");
        }
        String name = DomainNames.custom(request.domain(), ours);
        DkimKeyPair key = DkimKeyPair.generate();
        byte[] sealed = secrets.encrypt(key.privateKey());
        Domain domain = new Domain(Tokens.newId("dom"), userId, name, false, DomainStatus.PENDING, false,
                Tokens.randomBase32(32), "masq" + Tokens.randomBase32(6), key.publicKey(), now(), null, null, false);
        return db.write(ctx -> {
            domains.findClaimed(ctx, name).ifPresent(claimed -> {
                throw new ConflictException("domain", claimed.userId().equals(userId)
                        ? "you have added " + name + " already" : name + " is verified by another account");
            });
            if (domains.list(ctx, userId).stream().anyMatch(d -> d.name().equals(name))) {
                throw new ConflictException("domain", "you have added " + name + " already");
            }
            domains.insert(ctx, domain, sealed);
            return setup(domain, Map.of());
        });
    }

    /** Verified at once: the operator's wildcard MX and DNS already serve every name under our domains. */
    private DomainSetup claimSubdomain(String userId, NewDomain request) {
        String label = DomainNames.subdomain(request.subdomain(), settings.reservedSubdomains());
        String parent = DomainNames.parent(request.parent(), ours);
        String name = label + "." + parent;
        Instant now = now();
        Domain domain = new Domain(Tokens.newId("dom"), userId, name, true, DomainStatus.VERIFIED, false,
                null, null, null, now, now, null, false);
        return db.write(ctx -> {
            if (domains.nameTaken(ctx, name)) {
                throw new ConflictException("subdomain", name + " is taken");
            }
            if (domains.hasSubdomainOf(ctx, userId, parent)) {
                throw new ConflictException("subdomain", "you have a subdomain of " + parent + " already");
            }
            domains.insert(ctx, domain, null);
            return setup(domain, Map.of());
        });
    }

    public List<DomainSetup> list(String userId) {
        return db.read(ctx -> domains.list(ctx, userId).stream().map(d -> setup(d, domains.checks(ctx, d.id()))).toList());
    }

    public DomainSetup get(String userId, String id) {
        return db.read(ctx -> {
            Domain d = owned(ctx, userId, id);
            return setup(d, domains.checks(ctx, d.id()));
        });
    }

    /** The names of the user's verified domains and subdomains, where they may have aliases made. */
    public List<String> verifiedDomains(String userId) {
        return db.read(ctx -> domains.verifiedNames(ctx, userId));
    }

    @Override
    public boolean isVerifiedFor(DSLContext ctx, String userId, String name) {
        return domains.findClaimed(ctx, name).filter(d -> d.userId().equals(userId) && d.receives()).isPresent();
    }

    public DomainSetup setCatchAll(String userId, String id, boolean on) {
        return db.write(ctx -> {
            Domain d = owned(ctx, userId, id);
            domains.setCatchAll(ctx, id, on);
            return setup(owned(ctx, userId, id), domains.checks(ctx, d.id()));
        });
    }

    /**
     * Checks every record now (DNS outside any transaction) and keeps what was found. Ownership and MX right make a
     * pending or suspended domain verified, unless another account verified the same name first.
     */
    public DomainSetup verify(String userId, String id) {
        Domain before = db.read(ctx -> owned(ctx, userId, id));
        Map<String, DnsRecord.Check> checks = verifier.check(before);
        Instant now = now();
        return db.write(ctx -> {
            Domain d = owned(ctx, userId, id);
            domains.saveChecks(ctx, id, checks, now);
            if (!d.subdomain() && DomainVerifier.receives(checks) && (d.status() != DomainStatus.VERIFIED || d.failingSince() != null)) {
                domains.findClaimed(ctx, d.name()).filter(other -> !other.id().equals(id)).ifPresent(other -> {
                    throw new ConflictException("domain", d.name() + " is verified by another account");
                });
                domains.setVerified(ctx, id, d.verifiedAt() == null ? now : d.verifiedAt());
            }
            return setup(owned(ctx, userId, id), checks);
        });
    }

    /** Deletes the domain; its aliases are burned, so their mail is refused as a burned alias's is, and they stay listed. */
    public void delete(String userId, String id) {
        Instant now = now();
        db.writeVoid(ctx -> {
            Domain d = owned(ctx, userId, id);
            for (String aliasId : domains.liveAliasesOn(ctx, userId, d.name())) {
                aliases.burn(ctx, aliasId, now, "domain deleted", null);
                events.record(ctx, aliasId, "burned", null, "domain " + d.name() + " deleted", now);
            }
            domains.delete(ctx, id);
        });
    }

    private Domain owned(DSLContext ctx, String userId, String id) {
        return domains.find(ctx, userId, id).orElseThrow(() -> new NotFoundException("no domain with id " + id));
    }

    private DomainSetup setup(Domain d, Map<String, DnsRecord.Check> checks) {
        return new DomainSetup(d, DnsRecords.withChecks(d, hostname, checks));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
