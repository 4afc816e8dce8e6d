package dev.masq.api;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import dev.masq.account.ApiScope;
import dev.masq.http.RouteGroup;
import io.javalin.config.RoutesConfig;

/**
 * Defending the person after a vendor breach: the verdict policy, quarantined mail, canary identifiers, and
 * per vendor its breaches and burning all its aliases.
 * Under {@code /api/v1}, so the bearer check of {@link ApiRoutes} covers them; documented in {@code openapi/defence.json}.
 */
public record DefenceRoutes(ApiAuth auth, VerdictPolicyHandlers policies, QuarantineHandlers quarantine,
                            GuardHandlers guards, VendorHandlers vendors) implements RouteGroup {
    private static final ApiScope READ = ApiScope.ALIASES_READ;
    private static final ApiScope WRITE = ApiScope.ALIASES_WRITE;

    @Override
    public void register(RoutesConfig routes) {
        routes.apiBuilder(() -> path("/api/v1", () -> {
            path("settings/verdict-policy", () -> {
                get(auth.scoped(READ, policies::get));
                put(auth.scoped(WRITE, policies::put));
            });
            path("aliases/{id}", () -> {
                get("verdict-policy", auth.scoped(READ, policies::getAlias));
                put("verdict-policy", auth.scoped(WRITE, policies::putAlias));
                get("identifiers", auth.scoped(READ, guards::identifiers));
                put("identifiers", auth.scoped(WRITE, guards::setIdentifiers));
            });
            path("vendors", () -> {
                get(auth.scoped(READ, vendors::list));
                path("{vendor}", () -> {
                    get(auth.scoped(READ, vendors::get));
                    post("breaches", auth.scoped(WRITE, vendors::addBreach));
                    post("burn", auth.scoped(WRITE, vendors::burn));
                });
            });
            path("quarantine", () -> {
                get(auth.scoped(READ, quarantine::list));
                post("{qid}/release", auth.scoped(WRITE, quarantine::release));
                delete("{qid}", auth.scoped(WRITE, quarantine::delete));
            });
        }));
    }
}
