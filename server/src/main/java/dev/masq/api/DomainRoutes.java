package dev.masq.api;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.masq.account.ApiScope;
import dev.masq.http.RouteGroup;
import io.javalin.config.RoutesConfig;

/**
 * {@code /api/v1/domains}, described in {@code openapi/domains.json}. The bearer key is checked for every
 * {@code /api/v1} path by {@link ApiRoutes}; a key that manages aliases manages the domains they live on.
 */
public record DomainRoutes(ApiAuth auth, DomainHandlers domains) implements RouteGroup {

    @Override
    public void register(RoutesConfig routes) {
        routes.apiBuilder(() -> path("/api/v1/domains", () -> {
            post(auth.scoped(ApiScope.ALIASES_WRITE, domains::add));
            get(auth.scoped(ApiScope.ALIASES_READ, domains::list));
            path("{id}", () -> {
                get(auth.scoped(ApiScope.ALIASES_READ, domains::get));
                patch(auth.scoped(ApiScope.ALIASES_WRITE, domains::update));
                delete(auth.scoped(ApiScope.ALIASES_WRITE, domains::delete));
                post("verify", auth.scoped(ApiScope.ALIASES_WRITE, domains::verify));
            });
        }));
    }
}
