package dev.masq.web;

import dev.masq.http.RouteGroup;
import io.javalin.config.RoutesConfig;

/** The import pages of the settings, behind the same gate as every page (registered after {@link WebRoutes}). */
public record ImportRoutes(WebGate gate, ImportPages imports) implements RouteGroup {
    @Override
    public void register(RoutesConfig routes) {
        routes.get("/settings/import", gate.signedIn(imports::form));
        routes.post("/settings/import", gate.signedIn(imports::upload));
        routes.get("/settings/imports/{id}", gate.signedIn(imports::show));
        routes.get("/settings/imports/{id}/status", gate.signedIn(imports::status));
    }
}
