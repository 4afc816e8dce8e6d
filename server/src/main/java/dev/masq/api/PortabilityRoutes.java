package dev.masq.api;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.masq.account.ApiScope;
import dev.masq.http.RouteGroup;
import io.javalin.config.RoutesConfig;

/**
 * Moving an account in and out of masq: the export and the import jobs under {@code /api/v1} (authenticated by
 * {@link ApiRoutes}' before-handler, which covers every {@code /api/v1} path).
 */
public record PortabilityRoutes(ApiAuth auth, ExportHandlers export, ImportHandlers imports) implements RouteGroup {
    @Override
    public void register(RoutesConfig routes) {
        routes.apiBuilder(() -> path("/api/v1", () -> {
            get("export", auth.scoped(ApiScope.ALIASES_READ, export::export));
            post("imports", auth.scoped(ApiScope.ALIASES_WRITE, imports::start));
            get("imports/{id}", auth.scoped(ApiScope.ALIASES_READ, imports::get));
        }));
    }
}
