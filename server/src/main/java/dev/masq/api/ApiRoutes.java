package dev.masq.api;

import static io.javalin.apibuilder.ApiBuilder.before;
import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import dev.masq.account.ApiScope;
import dev.masq.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/**
 * The JSON API under {@code /api/v1}, grouped per feature, and the SimpleLogin dialect that password managers
 * speak. Each route must also be described in {@code openapi.json} (a test holds the two together).
 */
public record ApiRoutes(ApiAuth auth, AliasHandlers aliases, LeakHandlers leaks, BlockHandlers blocks,
                        ContactHandlers contacts, AppPasswordHandlers appPasswords, WebhookHandlers webhook,
                        SimpleLoginHandlers simpleLogin, OpenApi openApi) implements RouteGroup {
    private static final ApiScope READ = ApiScope.ALIASES_READ;
    private static final ApiScope WRITE = ApiScope.ALIASES_WRITE;

    @Override
    public void register(RoutesConfig routes) {
        routes.apiBuilder(() -> {
            get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
            get("/api/openapi.json", openApi::serve);
            before("/api/v1/*", auth::requireBearer);
            path("/api/v1", () -> {
                path("aliases", () -> {
                    post(auth.scoped(WRITE, aliases::create));
                    get(auth.scoped(READ, aliases::list));
                    path("{id}", () -> {
                        get(auth.scoped(READ, aliases::get));
                        patch(auth.scoped(WRITE, aliases::update));
                        delete(auth.scoped(WRITE, aliases::delete));
                        post("pause", auth.scoped(WRITE, aliases::pause));
                        post("resume", auth.scoped(WRITE, aliases::resume));
                        post("burn", auth.scoped(WRITE, aliases::burn));
                        get("events", auth.scoped(READ, aliases::events));
                        post("events/{eid}/spam", auth.scoped(WRITE, leaks::reportSpam));
                        post("vendor-domains", auth.scoped(WRITE, leaks::markVendorDomain));
                        path("blocks", () -> {
                            post(auth.scoped(WRITE, blocks::add));
                            get(auth.scoped(READ, blocks::list));
                            delete("{bid}", auth.scoped(WRITE, blocks::remove));
                        });
                        path("contacts", () -> {
                            post(auth.scoped(WRITE, contacts::open));
                            get(auth.scoped(READ, contacts::list));
                            patch("{cid}", auth.scoped(WRITE, contacts::update));
                        });
                    });
                });
                get("leaks", auth.scoped(ApiScope.LEAKS_READ, leaks::report));
                path("blocks", () -> {
                    post(auth.scoped(WRITE, blocks::add));
                    get(auth.scoped(READ, blocks::list));
                    delete("{bid}", auth.scoped(WRITE, blocks::remove));
                });
                // A key that manages aliases may mint a password that sends as them: the same trust.
                path("app-passwords", () -> {
                    post(auth.scoped(WRITE, appPasswords::create));
                    get(auth.scoped(READ, appPasswords::list));
                    delete("{pid}", auth.scoped(WRITE, appPasswords::revoke));
                });
                path("webhook", () -> {
                    put(auth.scoped(WRITE, webhook::put));
                    get(auth.scoped(READ, webhook::get));
                    delete(auth.scoped(WRITE, webhook::delete));
                });
            });
            // Compatibility with password managers that speak SimpleLogin (addy.io's dialect is folded into POST /aliases).
            before("/api/alias/*", auth::requireSimpleLoginKey);
            post("/api/alias/random/new", auth.scoped(WRITE, simpleLogin::randomNew));
        });
    }
}
