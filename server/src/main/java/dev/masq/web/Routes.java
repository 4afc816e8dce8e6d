package dev.masq.web;

import dev.masq.Services;
import dev.masq.api.AliasHandlers;
import dev.masq.api.ApiAuth;
import dev.masq.api.OpenApi;
import dev.masq.api.SimpleLoginHandlers;
import io.javalin.config.RoutesConfig;
import java.time.Duration;
import java.util.Map;

/** Every HTTP route of masq, in one place. Each must also be described in {@code openapi.json}. */
final class Routes {
    private Routes() {
    }

    static void register(RoutesConfig routes, Services s) {
        ApiAuth auth = new ApiAuth(s.apiKeys);
        RateLimiter creations = new RateLimiter(s.config.apiAliasRate(), Duration.ofMinutes(1), s.clock);
        AliasHandlers aliases = new AliasHandlers(s.aliases, s.leaks, creations);
        SimpleLoginHandlers simpleLogin = new SimpleLoginHandlers(s.aliases, creations);
        OpenApi openApi = new OpenApi();

        routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
        routes.get("/api/openapi.json", openApi::serve);

        routes.before("/api/v1/*", auth::requireBearer);
        routes.post("/api/v1/aliases", aliases::create);
        routes.get("/api/v1/aliases", aliases::list);
        routes.get("/api/v1/aliases/{id}", aliases::get);
        routes.patch("/api/v1/aliases/{id}", aliases::update);
        routes.delete("/api/v1/aliases/{id}", aliases::delete);
        routes.post("/api/v1/aliases/{id}/pause", aliases::pause);
        routes.post("/api/v1/aliases/{id}/resume", aliases::resume);
        routes.post("/api/v1/aliases/{id}/burn", aliases::burn);
        routes.get("/api/v1/aliases/{id}/events", aliases::events);
        routes.get("/api/v1/leaks", aliases::leaks);

        // Compatibility with password managers that speak SimpleLogin (addy.io's dialect is folded into POST /aliases).
        routes.before("/api/alias/*", auth::requireSimpleLoginKey);
        routes.post("/api/alias/random/new", simpleLogin::randomNew);
    }
}
