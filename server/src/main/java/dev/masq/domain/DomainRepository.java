package dev.masq.domain;

import static dev.masq.db.schema.Tables.ALIASES;
import static dev.masq.db.schema.Tables.DOMAINS;
import static dev.masq.db.schema.Tables.DOMAIN_CATCH_ALL_DAYS;
import static dev.masq.db.schema.Tables.DOMAIN_CHECKS;

import dev.masq.alias.AliasState;
import dev.masq.db.schema.tables.records.DomainsRecord;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/** Users' domains, what their last DNS check found, and the catch-all counts per day. */
public final class DomainRepository {
    private static final String CUSTOM = "custom";
    private static final String SUBDOMAIN = "subdomain";

    /** The sealed DKIM private key of a claimed domain, with its selector. */
    record SealedKey(String domainId, String selector, byte[] sealed) {
    }

    void insert(DSLContext ctx, Domain d, byte[] sealedPrivateKey) {
        ctx.insertInto(DOMAINS)
                .set(DOMAINS.ID, d.id())
                .set(DOMAINS.USER_ID, d.userId())
                .set(DOMAINS.NAME, d.name())
                .set(DOMAINS.KIND, d.subdomain() ? SUBDOMAIN : CUSTOM)
                .set(DOMAINS.STATUS, d.status().wire())
                .set(DOMAINS.CATCH_ALL, d.catchAll())
                .set(DOMAINS.OWNERSHIP_TOKEN, d.ownershipToken())
                .set(DOMAINS.DKIM_SELECTOR, d.dkimSelector())
                .set(DOMAINS.DKIM_PUBLIC, d.dkimPublicKey())
                .set(DOMAINS.DKIM_PRIVATE_ENC, sealedPrivateKey)
                .set(DOMAINS.CREATED_AT, d.createdAt().toEpochMilli())
                .set(DOMAINS.VERIFIED_AT, millis(d.verifiedAt()))
                .execute();
    }

    Optional<Domain> find(DSLContext ctx, String userId, String id) {
        return ctx.selectFrom(DOMAINS).where(DOMAINS.ID.eq(id).and(DOMAINS.USER_ID.eq(userId)))
                .fetchOptional().map(DomainRepository::domain);
    }

    List<Domain> list(DSLContext ctx, String userId) {
        return ctx.selectFrom(DOMAINS).where(DOMAINS.USER_ID.eq(userId)).orderBy(DOMAINS.NAME)
                .fetch().map(DomainRepository::domain);
    }

    /**
     * The one verified or suspended domain of this name, whoever's: the intake's question, asked on every RCPT
     * for a domain that is not one of the operator's (one indexed read).
     */
    public Optional<Domain> findClaimed(DSLContext ctx, String name) {
        return ctx.selectFrom(DOMAINS).where(DOMAINS.NAME.eq(name).and(DOMAINS.STATUS.ne(DomainStatus.PENDING.wire())))
                .fetchOptional().map(DomainRepository::domain);
    }

    boolean nameTaken(DSLContext ctx, String name) {
        return ctx.fetchExists(DOMAINS, DOMAINS.NAME.eq(name));
    }

    boolean hasSubdomainOf(DSLContext ctx, String userId, String parent) {
        return ctx.fetchExists(DOMAINS, DOMAINS.USER_ID.eq(userId).and(DOMAINS.KIND.eq(SUBDOMAIN))
                .and(DOMAINS.NAME.endsWith("." + parent)));
    }

    List<String> verifiedNames(DSLContext ctx, String userId) {
        return ctx.select(DOMAINS.NAME).from(DOMAINS)
                .where(DOMAINS.USER_ID.eq(userId).and(DOMAINS.STATUS.eq(DomainStatus.VERIFIED.wire())))
                .orderBy(DOMAINS.NAME).fetch(DOMAINS.NAME);
    }

    Optional<SealedKey> signingKey(DSLContext ctx, String name) {
        return ctx.select(DOMAINS.ID, DOMAINS.DKIM_SELECTOR, DOMAINS.DKIM_PRIVATE_ENC).from(DOMAINS)
                .where(DOMAINS.NAME.eq(name).and(DOMAINS.STATUS.ne(DomainStatus.PENDING.wire()))
                        .and(DOMAINS.DKIM_PRIVATE_ENC.isNotNull()))
                .fetchOptional(r -> new SealedKey(r.value1(), r.value2(), r.value3()));
    }

    /** Verified and suspended domains of users' own, which the daily re-check looks at. */
    List<Domain> toRecheck(DSLContext ctx) {
        return ctx.selectFrom(DOMAINS).where(DOMAINS.KIND.eq(CUSTOM).and(DOMAINS.STATUS.ne(DomainStatus.PENDING.wire())))
                .fetch().map(DomainRepository::domain);
    }

    void setVerified(DSLContext ctx, String id, Instant at) {
        ctx.update(DOMAINS).set(DOMAINS.STATUS, DomainStatus.VERIFIED.wire()).set(DOMAINS.VERIFIED_AT, at.toEpochMilli())
                .set(DOMAINS.FAILING_SINCE, (Long) null).set(DOMAINS.FAILURE_NOTICED, false)
                .where(DOMAINS.ID.eq(id)).execute();
    }

    void setFailing(DSLContext ctx, String id, Instant since, boolean noticed) {
        ctx.update(DOMAINS).set(DOMAINS.FAILING_SINCE, since.toEpochMilli()).set(DOMAINS.FAILURE_NOTICED, noticed)
                .where(DOMAINS.ID.eq(id)).execute();
    }

    void setStatus(DSLContext ctx, String id, DomainStatus status) {
        ctx.update(DOMAINS).set(DOMAINS.STATUS, status.wire()).where(DOMAINS.ID.eq(id)).execute();
    }

    void setCatchAll(DSLContext ctx, String id, boolean on) {
        ctx.update(DOMAINS).set(DOMAINS.CATCH_ALL, on).where(DOMAINS.ID.eq(id)).execute();
    }

    void delete(DSLContext ctx, String id) {
        ctx.deleteFrom(DOMAINS).where(DOMAINS.ID.eq(id)).execute();
    }

    /** The user's aliases at {@code name} that are not burned yet. */
    List<String> liveAliasesOn(DSLContext ctx, String userId, String name) {
        return ctx.select(ALIASES.ID).from(ALIASES)
                .where(ALIASES.USER_ID.eq(userId).and(ALIASES.ADDRESS.endsWith("@" + name))
                        .and(ALIASES.STATE.ne(AliasState.BURNED.wire())))
                .fetch(ALIASES.ID);
    }

    void saveChecks(DSLContext ctx, String domainId, Map<String, DnsRecord.Check> checks, Instant at) {
        checks.forEach((purpose, check) -> ctx.insertInto(DOMAIN_CHECKS)
                .set(DOMAIN_CHECKS.DOMAIN_ID, domainId)
                .set(DOMAIN_CHECKS.PURPOSE, purpose)
                .set(DOMAIN_CHECKS.STATUS, check.status())
                .set(DOMAIN_CHECKS.FOUND, check.found().isEmpty() ? null : String.join("\n", check.found()))
                .set(DOMAIN_CHECKS.CHECKED_AT, at.toEpochMilli())
                .onConflict(DOMAIN_CHECKS.DOMAIN_ID, DOMAIN_CHECKS.PURPOSE).doUpdate()
                .set(DOMAIN_CHECKS.STATUS, check.status())
                .set(DOMAIN_CHECKS.FOUND, check.found().isEmpty() ? null : String.join("\n", check.found()))
                .set(DOMAIN_CHECKS.CHECKED_AT, at.toEpochMilli())
                .execute());
    }

    Map<String, DnsRecord.Check> checks(DSLContext ctx, String domainId) {
        Map<String, DnsRecord.Check> out = new LinkedHashMap<>();
        ctx.selectFrom(DOMAIN_CHECKS).where(DOMAIN_CHECKS.DOMAIN_ID.eq(domainId)).fetch().forEach(r ->
                out.put(r.getPurpose(), new DnsRecord.Check(r.getStatus(),
                        r.getFound() == null ? List.of() : Arrays.asList(r.getFound().split("\n")))));
        return out;
    }

    /** Aliases catch-all mail created on the domain on {@code day} (days since the epoch, UTC), and whether its owner was told the limit was reached. */
    record Day(int created, boolean limitNoticed) {
    }

    Day catchAllDay(DSLContext ctx, String domainId, long day) {
        return ctx.selectFrom(DOMAIN_CATCH_ALL_DAYS)
                .where(DOMAIN_CATCH_ALL_DAYS.DOMAIN_ID.eq(domainId).and(DOMAIN_CATCH_ALL_DAYS.DAY.eq(day)))
                .fetchOptional().map(r -> new Day(r.getCreated(), r.getLimitNoticed())).orElse(new Day(0, false));
    }

    void countCatchAll(DSLContext ctx, String domainId, long day) {
        ctx.insertInto(DOMAIN_CATCH_ALL_DAYS)
                .set(DOMAIN_CATCH_ALL_DAYS.DOMAIN_ID, domainId).set(DOMAIN_CATCH_ALL_DAYS.DAY, day)
                .set(DOMAIN_CATCH_ALL_DAYS.CREATED, 1)
                .onConflict(DOMAIN_CATCH_ALL_DAYS.DOMAIN_ID, DOMAIN_CATCH_ALL_DAYS.DAY).doUpdate()
                .set(DOMAIN_CATCH_ALL_DAYS.CREATED, DOMAIN_CATCH_ALL_DAYS.CREATED.plus(1))
                .execute();
    }

    /** True once per domain and day: the caller sends the one notice that the limit was reached. */
    boolean claimLimitNotice(DSLContext ctx, String domainId, long day) {
        return ctx.update(DOMAIN_CATCH_ALL_DAYS).set(DOMAIN_CATCH_ALL_DAYS.LIMIT_NOTICED, true)
                .where(DOMAIN_CATCH_ALL_DAYS.DOMAIN_ID.eq(domainId).and(DOMAIN_CATCH_ALL_DAYS.DAY.eq(day))
                        .and(DOMAIN_CATCH_ALL_DAYS.LIMIT_NOTICED.isFalse()))
                .execute() == 1;
    }

    private static Domain domain(DomainsRecord r) {
        return new Domain(r.getId(), r.getUserId(), r.getName(), SUBDOMAIN.equals(r.getKind()),
                DomainStatus.fromWire(r.getStatus()), r.getCatchAll(), r.getOwnershipToken(), r.getDkimSelector(),
                r.getDkimPublic(), Instant.ofEpochMilli(r.getCreatedAt()), instant(r.getVerifiedAt()),
                instant(r.getFailingSince()), r.getFailureNoticed());
    }

    private static Long millis(Instant at) {
        return at == null ? null : at.toEpochMilli();
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
