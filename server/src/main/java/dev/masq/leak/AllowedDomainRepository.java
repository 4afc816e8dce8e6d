package dev.masq.leak;

import static dev.masq.db.schema.Tables.ALIASES;
import static dev.masq.db.schema.Tables.ALIAS_ALLOWED_DOMAINS;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import dev.masq.senderauth.Domains;

/** Domains a person accepts mail from on an alias without it counting as foreign. */
final class AllowedDomainRepository {
    private AllowedDomainRepository() {
    }

    /** Alphabetically per alias; aliases without any are absent. */
    static Map<String, List<String>> of(DSLContext ctx, Collection<String> aliasIds) {
        return ctx.select(ALIAS_ALLOWED_DOMAINS.ALIAS_ID, ALIAS_ALLOWED_DOMAINS.DOMAIN).from(ALIAS_ALLOWED_DOMAINS)
                .where(ALIAS_ALLOWED_DOMAINS.ALIAS_ID.in(aliasIds)).orderBy(ALIAS_ALLOWED_DOMAINS.DOMAIN).fetch().stream()
                .collect(Collectors.groupingBy(r -> r.value1(), Collectors.mapping(r -> r.value2(), Collectors.toList())));
    }

    /** As {@link #of}, for the user's own aliases only. */
    static Map<String, List<String>> ofUser(DSLContext ctx, String userId, Collection<String> aliasIds) {
        List<String> owned = ctx.select(ALIASES.ID).from(ALIASES)
                .where(ALIASES.USER_ID.eq(userId).and(ALIASES.ID.in(aliasIds))).fetch(r -> r.value1());
        return of(ctx, owned);
    }

    static void replace(DSLContext ctx, String aliasId, Collection<String> domains) {
        ctx.deleteFrom(ALIAS_ALLOWED_DOMAINS).where(ALIAS_ALLOWED_DOMAINS.ALIAS_ID.eq(aliasId)).execute();
        for (String domain : domains) {
            ctx.insertInto(ALIAS_ALLOWED_DOMAINS).set(ALIAS_ALLOWED_DOMAINS.ALIAS_ID, aliasId)
                    .set(ALIAS_ALLOWED_DOMAINS.DOMAIN, domain).onConflictDoNothing().execute();
        }
    }
}
