package dev.masq.web;

import dev.masq.Services;
import dev.masq.api.AliasHandlers;
import dev.masq.api.ApiAuth;
import dev.masq.api.BlockHandlers;
import dev.masq.api.LeakHandlers;
import dev.masq.api.WebhookHandlers;
import dev.masq.leak.LeakActions;
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
        AliasHandlers aliases = new AliasHandlers(s.aliases, s.leaks, s.senderBlocks, creations);
        LeakHandlers leaks = new LeakHandlers(s.aliases, s.leaks, s.senderBlocks);
        BlockHandlers blocks = new BlockHandlers(s.senderBlocks);
        WebhookHandlers webhook = new WebhookHandlers(s.webhooks);
        ActionPages actions = new ActionPages(s.leakActions);
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
        routes.post("/api/v1/aliases/{id}/events/{eid}/spam", leaks::reportSpam);
        routes.post("/api/v1/aliases/{id}/vendor-domains", leaks::markVendorDomain);
        routes.get("/api/v1/leaks", leaks::report);
        routes.post("/api/v1/aliases/{id}/blocks", blocks::add);
        routes.get("/api/v1/aliases/{id}/blocks", blocks::list);
        routes.delete("/api/v1/aliases/{id}/blocks/{bid}", blocks::remove);
        routes.post("/api/v1/blocks", blocks::add);
        routes.get("/api/v1/blocks", blocks::list);
        routes.delete("/api/v1/blocks/{bid}", blocks::remove);
        routes.put("/api/v1/webhook", webhook::put);
        routes.get("/api/v1/webhook", webhook::get);
        routes.delete("/api/v1/webhook", webhook::delete);

        // The links in leak notices: no key, the token is the capability; GET shows, POST acts.
        routes.exception(LeakActions.Refused.class, ActionPages::refused);
        routes.get("/actions/{token}", actions::confirm);
        routes.post("/actions/{token}", actions::act);

        // Compatibility with password managers that speak SimpleLogin (addy.io's dialect is folded into POST /aliases).
        routes.before("/api/alias/*", auth::requireSimpleLoginKey);
        routes.post("/api/alias/random/new", simpleLogin::randomNew);
    }
}
