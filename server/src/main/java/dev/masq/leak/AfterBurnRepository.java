package dev.masq.leak;

import static dev.masq.db.schema.Tables.ALIASES;
import static dev.masq.db.schema.Tables.ALIAS_AFTER_BURN;
import static dev.masq.db.schema.Tables.ALIAS_AFTER_BURN_DOMAINS;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Mail refused since an alias was burned: a total per alias and a count per envelope sender domain. */
final class AfterBurnRepository {
    private AfterBurnRepository() {
    }

    /**
     * Adds {@code attempts} from {@code domain} (null: to the total only). The domain gets a row of its own
     * only while the alias has fewer than {@code maxDomains} of them; every attempt counts in the total.
     * Nothing is added for an alias deleted since.
     */
    static void add(DSLContext ctx, String aliasId, String domain, long attempts, Instant at, int maxDomains) {
        if (!ctx.fetchExists(ALIASES, ALIASES.ID.eq(aliasId))) {
            return;
        }
        long millis = at.toEpochMilli();
        ctx.insertInto(ALIAS_AFTER_BURN)
                .set(ALIAS_AFTER_BURN.ALIAS_ID, aliasId).set(ALIAS_AFTER_BURN.ATTEMPTS, attempts).set(ALIAS_AFTER_BURN.LAST_AT, millis)
                .onConflict(ALIAS_AFTER_BURN.ALIAS_ID).doUpdate()
                .set(ALIAS_AFTER_BURN.ATTEMPTS, ALIAS_AFTER_BURN.ATTEMPTS.plus(attempts))
                .set(ALIAS_AFTER_BURN.LAST_AT, DSL.greatest(ALIAS_AFTER_BURN.LAST_AT, DSL.val(millis)))
                .execute();
        if (domain == null) {
            return;
        }
        int updated = ctx.update(ALIAS_AFTER_BURN_DOMAINS)
                .set(ALIAS_AFTER_BURN_DOMAINS.ATTEMPTS, ALIAS_AFTER_BURN_DOMAINS.ATTEMPTS.plus(attempts))
                .set(ALIAS_AFTER_BURN_DOMAINS.LAST_AT, DSL.greatest(ALIAS_AFTER_BURN_DOMAINS.LAST_AT, DSL.val(millis)))
                .where(ALIAS_AFTER_BURN_DOMAINS.ALIAS_ID.eq(aliasId).and(ALIAS_AFTER_BURN_DOMAINS.DOMAIN.eq(domain)))
                .execute();
        if (updated == 0 && ctx.fetchCount(ALIAS_AFTER_BURN_DOMAINS, ALIAS_AFTER_BURN_DOMAINS.ALIAS_ID.eq(aliasId)) < maxDomains) {
            ctx.insertInto(ALIAS_AFTER_BURN_DOMAINS)
                    .set(ALIAS_AFTER_BURN_DOMAINS.ALIAS_ID, aliasId).set(ALIAS_AFTER_BURN_DOMAINS.DOMAIN, domain)
                    .set(ALIAS_AFTER_BURN_DOMAINS.ATTEMPTS, attempts).set(ALIAS_AFTER_BURN_DOMAINS.LAST_AT, millis)
                    .execute();
        }
    }

    /** Per alias among {@code aliasIds}; aliases nobody wrote to since their burn are absent. */
    static Map<String, AfterBurn> of(DSLContext ctx, Collection<String> aliasIds) {
        Map<String, Long> totals = ctx.select(ALIAS_AFTER_BURN.ALIAS_ID, ALIAS_AFTER_BURN.ATTEMPTS).from(ALIAS_AFTER_BURN)
                .where(ALIAS_AFTER_BURN.ALIAS_ID.in(aliasIds)).fetchMap(r -> r.value1(), r -> r.value2());
        if (totals.isEmpty()) {
            return Map.of();
        }
        Map<String, List<AfterBurn.Sender>> domains = ctx.selectFrom(ALIAS_AFTER_BURN_DOMAINS)
                .where(ALIAS_AFTER_BURN_DOMAINS.ALIAS_ID.in(totals.keySet()))
                .orderBy(ALIAS_AFTER_BURN_DOMAINS.ATTEMPTS.desc(), ALIAS_AFTER_BURN_DOMAINS.DOMAIN)
                .fetch().stream()
                .collect(Collectors.groupingBy(r -> r.getAliasId(), Collectors.mapping(r -> new AfterBurn.Sender(r.getDomain(),
                        r.getAttempts(), Instant.ofEpochMilli(r.getLastAt())), Collectors.toList())));
        Map<String, AfterBurn> out = new HashMap<>();
        totals.forEach((id, total) -> out.put(id, new AfterBurn(domains.getOrDefault(id, List.of()), total)));
        return out;
    }
}
