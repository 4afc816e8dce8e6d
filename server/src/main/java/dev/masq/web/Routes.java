package dev.masq.web;

import dev.masq.Services;
import dev.masq.account.ApiScope;
import dev.masq.api.AliasHandlers;
import dev.masq.api.ApiAuth;
import dev.masq.api.AppPasswordHandlers;
import dev.masq.api.BlockHandlers;
import dev.masq.api.ContactHandlers;
import dev.masq.api.LeakHandlers;
import dev.masq.api.WebhookHandlers;
import dev.masq.api.OpenApi;
import dev.masq.api.SimpleLoginHandlers;
import dev.masq.leak.LeakActions;
import io.javalin.config.RoutesConfig;
import java.time.Duration;
import java.util.Map;

/** Every HTTP route of masq, in one place. Each must also be described in {@code openapi.json}. */
final class Routes {
    private static final ApiScope READ = ApiScope.ALIASES_READ;
    private static final ApiScope WRITE = ApiScope.ALIASES_WRITE;
    private Routes() {
    }

    static void register(RoutesConfig routes, Services s) {
        ApiAuth auth = new ApiAuth(s.apiKeys);
        RateLimiter creations = new RateLimiter(s.config.apiAliasRate(), Duration.ofMinutes(1), s.clock);
        AliasHandlers aliases = new AliasHandlers(s.db, s.aliases, s.leaks, s.senderBlocks, creations);
        LeakHandlers leaks = new LeakHandlers(s.aliases, s.leaks, s.senderBlocks);
        BlockHandlers blocks = new BlockHandlers(s.senderBlocks);
        WebhookHandlers webhook = new WebhookHandlers(s.webhooks);
        ActionPages actions = new ActionPages(s.leakActions);
        ContactHandlers contacts = new ContactHandlers(s.contacts);
        AppPasswordHandlers appPasswords = new AppPasswordHandlers(s.appPasswords);
        SimpleLoginHandlers simpleLogin = new SimpleLoginHandlers(s.aliases, creations);
        OpenApi openApi = new OpenApi();

        routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
        routes.get("/api/openapi.json", openApi::serve);

        routes.before("/api/v1/*", auth::requireBearer);
        routes.post("/api/v1/aliases", auth.scoped(WRITE, aliases::create));
        routes.get("/api/v1/aliases", auth.scoped(READ, aliases::list));
        routes.get("/api/v1/aliases/{id}", auth.scoped(READ, aliases::get));
        routes.patch("/api/v1/aliases/{id}", auth.scoped(WRITE, aliases::update));
        routes.delete("/api/v1/aliases/{id}", auth.scoped(WRITE, aliases::delete));
        routes.post("/api/v1/aliases/{id}/pause", auth.scoped(WRITE, aliases::pause));
        routes.post("/api/v1/aliases/{id}/resume", auth.scoped(WRITE, aliases::resume));
        routes.post("/api/v1/aliases/{id}/burn", auth.scoped(WRITE, aliases::burn));
        routes.get("/api/v1/aliases/{id}/events", auth.scoped(READ, aliases::events));
        routes.post("/api/v1/aliases/{id}/events/{eid}/spam", auth.scoped(WRITE, leaks::reportSpam));
        routes.post("/api/v1/aliases/{id}/vendor-domains", auth.scoped(WRITE, leaks::markVendorDomain));
        routes.get("/api/v1/leaks", auth.scoped(ApiScope.LEAKS_READ, leaks::report));
        routes.post("/api/v1/aliases/{id}/blocks", auth.scoped(WRITE, blocks::add));
        routes.get("/api/v1/aliases/{id}/blocks", auth.scoped(READ, blocks::list));
        routes.delete("/api/v1/aliases/{id}/blocks/{bid}", auth.scoped(WRITE, blocks::remove));
        routes.post("/api/v1/blocks", auth.scoped(WRITE, blocks::add));
        routes.get("/api/v1/blocks", auth.scoped(READ, blocks::list));
        routes.delete("/api/v1/blocks/{bid}", auth.scoped(WRITE, blocks::remove));
        routes.post("/api/v1/aliases/{id}/contacts", auth.scoped(WRITE, contacts::open));
        routes.get("/api/v1/aliases/{id}/contacts", auth.scoped(READ, contacts::list));
        routes.patch("/api/v1/aliases/{id}/contacts/{cid}", auth.scoped(WRITE, contacts::update));
        // A key that manages aliases may mint a password that sends as them: the same trust.
        routes.post("/api/v1/app-passwords", auth.scoped(WRITE, appPasswords::create));
        routes.get("/api/v1/app-passwords", auth.scoped(READ, appPasswords::list));
        routes.delete("/api/v1/app-passwords/{pid}", auth.scoped(WRITE, appPasswords::revoke));
        routes.put("/api/v1/webhook", auth.scoped(WRITE, webhook::put));
        routes.get("/api/v1/webhook", auth.scoped(READ, webhook::get));
        routes.delete("/api/v1/webhook", auth.scoped(WRITE, webhook::delete));

        // The links in leak notices: no key, the token is the capability; GET shows, POST acts.
        routes.exception(LeakActions.Refused.class, ActionPages::refused);
        routes.get("/actions/{token}", actions::confirm);
        routes.post("/actions/{token}", actions::act);

        // Compatibility with password managers that speak SimpleLogin (addy.io's dialect is folded into POST /aliases).
        routes.before("/api/alias/*", auth::requireSimpleLoginKey);
        routes.post("/api/alias/random/new", auth.scoped(WRITE, simpleLogin::randomNew));

        pages(routes, s);
    }

    /** The web pages: server-rendered, each form a POST with a CSRF token, all working without JavaScript. */
    private static void pages(RoutesConfig routes, Services s) {
        WebGate gate = new WebGate(s.sessions, s.signIn, s.secrets, s.config.baseUrl().startsWith("https:"));
        AccountPages account = new AccountPages(s.signIn, s.sessions, gate, AccountPages.signInThrottle(s.secrets, s.clock));

        routes.before(gate::load);
        LinkPages links = new LinkPages(s.signIn, gate);
        routes.get("/setup/{token}", links::setupForm);
        routes.post("/setup/{token}", links::setup);
        routes.get("/invite/{token}", links::inviteForm);
        routes.post("/invite/{token}", links::invite);
        routes.get("/password/{token}", links::passwordForm);
        routes.post("/password/{token}", links::setPassword);
        routes.get("/login", account::loginForm);
        routes.post("/login", account::login);
        routes.get("/login/second-factor", account::secondFactorForm);
        routes.post("/login/totp", account::totp);
        routes.post("/login/recovery", account::recovery);
        routes.get("/login/enrol", account::enrolForm);

        PasskeyPages passkeys = new PasskeyPages(s.passkeys, s.signIn, s.sessions, gate);
        routes.post("/login/passkey/options", passkeys::signInOptions);
        routes.post("/login/passkey", passkeys::signIn);
        routes.post("/login/second-factor/passkey/options", passkeys::secondFactorOptions);
        routes.post("/login/second-factor/passkey", passkeys::secondFactor);
        routes.post("/login/enrol/options", passkeys::enrolOptions);
        routes.post("/login/enrol", passkeys::enrol);
        routes.get("/reauth", gate.signedIn(account::reauthForm));
        routes.post("/reauth", gate.signedIn(account::reauth));
        routes.post("/logout", account::logout);

        SignUpPages signUp = new SignUpPages(s.signUp, new SignUpThrottle(s.config.signUp(), s.secrets, s.clock));
        routes.get("/signup", signUp::form);
        routes.post("/signup", signUp::request);

        AdminPages admin = new AdminPages(s.signIn, s.serverSettings, s.publicUrl);
        routes.get("/admin", gate.admin(admin::show));
        routes.post("/admin/invites", gate.admin(admin::invite));
        routes.post("/admin/settings", gate.admin(admin::saveSettings));

        AliasPages aliasPages = new AliasPages(s.aliases, s.leaks, s.config.domains());
        routes.get("/", gate.signedIn(aliasPages::dashboard));
        routes.post("/aliases", gate.signedIn(aliasPages::create));
        AliasDetailPages detail = new AliasDetailPages(s.aliases, s.leaks, s.inboxes, s.contacts);
        routes.get("/aliases/{id}", gate.signedIn(detail::show));
        routes.post("/aliases/{id}/contacts", gate.signedIn(detail::writeTo));
        routes.post("/aliases/{id}/contacts/{cid}/block", gate.signedIn(detail::block));
        routes.post("/aliases/{id}/contacts/{cid}/unblock", gate.signedIn(detail::unblock));
        routes.post("/aliases/{id}/pause", gate.signedIn(aliasPages::pause));
        routes.post("/aliases/{id}/resume", gate.signedIn(aliasPages::resume));
        routes.get("/aliases/{id}/burn", gate.signedIn(aliasPages::burnForm));
        routes.post("/aliases/{id}/burn", gate.signedIn(aliasPages::burn));

        InboxPages inboxes = new InboxPages(s.inboxes);
        routes.post("/aliases/{id}/inboxes", gate.signedIn(inboxes::chooseForAlias));
        routes.post("/settings/inboxes", gate.signedIn(inboxes::add));
        routes.post("/settings/inboxes/{id}/remove", gate.signedIn(inboxes::remove));
        routes.post("/settings/inboxes/{id}/default", gate.recentlyAuthenticated(inboxes::makeDefault));
        // Opened from the mailed link, perhaps in another browser: no sign-in needed, the token is the proof.
        routes.get("/inboxes/verify/{token}", inboxes::verifyForm);
        routes.post("/inboxes/verify/{token}", inboxes::verify);

        LeakPages leakPages = new LeakPages(s.aliases, s.leaks, s.clock);
        routes.get("/leaks", gate.signedIn(leakPages::report));

        SecurityPages security = new SecurityPages(s.signIn, s.secondFactors, s.recoveryCodes, s.passkeys, s.sessions, gate);
        routes.get("/security", gate.signedIn(security::overview));
        routes.get("/security/totp", gate.recentlyAuthenticated(security::totpForm));
        routes.post("/security/totp", gate.recentlyAuthenticated(security::enableTotp));
        routes.post("/security/totp/disable", gate.recentlyAuthenticated(security::disableTotp));
        routes.post("/security/recovery-codes", gate.recentlyAuthenticated(security::regenerateCodes));
        routes.post("/security/password", gate.recentlyAuthenticated(security::changePassword));
        routes.get("/security/passkeys/new", gate.recentlyAuthenticated(passkeys::newForm));
        routes.post("/security/passkeys/options", gate.recentlyAuthenticated(passkeys::registrationOptions));
        routes.post("/security/passkeys", gate.recentlyAuthenticated(passkeys::register));
        routes.post("/security/passkeys/{id}/remove", gate.recentlyAuthenticated(passkeys::remove));
        routes.post("/security/sessions/{id}/end", gate.signedIn(security::endSession));
        routes.post("/security/sessions/end-all", gate.signedIn(security::endAllSessions));

        SettingsPages settings = new SettingsPages(s.signIn, s.aliases, s.apiKeys, s.sessions, s.accountDeletion, s.inboxes, s.webhooks,
                gate, s.config.domains());
        routes.get("/settings", gate.signedIn(settings::show));
        routes.post("/settings/defaults", gate.signedIn(settings::saveDefaults));
        routes.post("/settings/notifications", gate.signedIn(settings::saveNotifications));
        routes.post("/settings/webhook", gate.signedIn(settings::saveWebhook));
        routes.post("/settings/webhook/remove", gate.signedIn(settings::removeWebhook));
        routes.get("/settings/export", gate.signedIn(settings::export));
        routes.post("/settings/delete", gate.recentlyAuthenticated(settings::deleteAccount));

        KeyPages keyPages = new KeyPages(s.apiKeys);
        routes.get("/keys", gate.signedIn(keyPages::list));
        routes.post("/keys", gate.signedIn(keyPages::create));
        routes.post("/keys/{id}/revoke", gate.signedIn(keyPages::revoke));

        AppPasswordPages appPasswordPages = new AppPasswordPages(s.appPasswords, new AppPasswordPages.Submission(
                s.config.hostname(), s.config.submissionPort(), s.config.sending().submissionsPort().orElse(null)));
        routes.get("/app-passwords", gate.signedIn(appPasswordPages::list));
        routes.post("/app-passwords", gate.signedIn(appPasswordPages::create));
        routes.post("/app-passwords/{id}/revoke", gate.signedIn(appPasswordPages::revoke));
    }
}
