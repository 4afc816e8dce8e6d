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
 * The JSON API under {@code /api/v1}, grouped per feature, with addy.io's dialect on the same paths, and the
 * SimpleLogin dialect beside it: what the two services' extensions, apps and password managers speak. Each route
 * must also be described in the OpenAPI document (a test holds the two together).
 */
public record ApiRoutes(ApiAuth auth, AliasHandlers aliases, LeakHandlers leaks, BlockHandlers blocks,
                        ContactHandlers contacts, AppPasswordHandlers appPasswords, WebhookHandlers webhook, AddyHandlers addy,
                        SimpleLoginHandlers simpleLogin, SimpleLoginAccount simpleLoginAccount, OpenApi openApi)
        implements RouteGroup {
    private static final ApiScope READ = ApiScope.ALIASES_READ;
    private static final ApiScope WRITE = ApiScope.ALIASES_WRITE;

    @Override
    public void register(RoutesConfig routes) {
        routes.apiBuilder(() -> {
            get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
            get("/api/openapi.json", openApi::serve);
            before("/api/v1/*", auth::requireBearer);
            path("/api/v1", () -> {
                // addy.io's alias calls share these paths; AddyHandlers tells the two apart.
                path("aliases", () -> {
                    post(auth.scoped(WRITE, addy.createOr(aliases::create)));
                    get(auth.scoped(READ, addy.listOr(aliases::list)));
                    path("{id}", () -> {
                        get(auth.scoped(READ, addy.getOr(aliases::get)));
                        patch(auth.scoped(WRITE, addy.updateOr(aliases::update)));
                        delete(auth.scoped(WRITE, addy.deleteOr(aliases::delete)));
                        delete("forget", auth.scoped(WRITE, AddyHandlers.speaking(addy::forget)));
                        patch("restore", auth.scoped(WRITE, AddyHandlers.speaking(addy::restore)));
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
                get("domain-options", auth.scoped(READ, AddyHandlers.speaking(addy::domainOptions)));
                get("account-details", auth.scoped(READ, AddyHandlers.speaking(addy::accountDetails)));
                get("recipients", auth.scoped(READ, AddyHandlers.speaking(addy::recipients)));
                post("active-aliases", auth.scoped(WRITE, AddyHandlers.speaking(addy::activate)));
                delete("active-aliases/{id}", auth.scoped(WRITE, AddyHandlers.speaking(addy::deactivate)));
                post("pinned-aliases", auth.scoped(WRITE, AddyHandlers.speaking(addy::pin)));
                delete("pinned-aliases/{id}", auth.scoped(WRITE, AddyHandlers.speaking(addy::pin)));
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
            simpleLoginDialect();
        });
    }

    /**
     * SimpleLogin's dialect, as its extension, apps and Bitwarden's generator speak it (key in {@code Authentication});
     * addy.io's shares {@code /api/v1} with masq's own.
     */
    private void simpleLoginDialect() {
        post("/api/alias/random/new", auth.simpleLogin(WRITE, simpleLogin::randomNew));
        post("/api/v2/alias/custom/new", auth.simpleLogin(WRITE, simpleLogin::customNew));
        post("/api/v3/alias/custom/new", auth.simpleLogin(WRITE, simpleLogin::customNew));
        get("/api/v4/alias/options", auth.simpleLogin(READ, simpleLoginAccount::optionsV4));
        get("/api/v5/alias/options", auth.simpleLogin(READ, simpleLoginAccount::optionsV5));
        get("/api/v2/aliases", auth.simpleLogin(READ, simpleLogin::list));
        post("/api/v2/aliases", auth.simpleLogin(READ, simpleLogin::list));
        path("/api/aliases/{id}", () -> {
            get(auth.simpleLogin(READ, simpleLogin::get));
            put(auth.simpleLogin(WRITE, simpleLogin::update));
            patch(auth.simpleLogin(WRITE, simpleLogin::update));
            delete(auth.simpleLogin(WRITE, simpleLogin::delete));
            post("toggle", auth.simpleLogin(WRITE, simpleLogin::toggle));
            get("activities", auth.simpleLogin(READ, simpleLogin::activities));
            get("contacts", auth.simpleLogin(READ, simpleLogin::listContacts));
            post("contacts", auth.simpleLogin(WRITE, simpleLogin::openContact));
        });
        get("/api/mailboxes", auth.simpleLogin(READ, simpleLoginAccount::mailboxes));
        get("/api/v2/mailboxes", auth.simpleLogin(READ, simpleLoginAccount::mailboxesV2));
        get("/api/user_info", auth.simpleLogin(READ, simpleLoginAccount::userInfo));
        get("/api/setting", auth.simpleLogin(READ, simpleLoginAccount::setting));
        get("/api/v2/setting/domains", auth.simpleLogin(READ, simpleLoginAccount::settingDomains));
        post("/api/api_key", auth.simpleLogin(WRITE, simpleLoginAccount::apiKey));
        get("/api/logout", auth.simpleLogin(READ, simpleLoginAccount::logout));
        post("/api/auth/login", simpleLoginAccount::login);
    }
}
