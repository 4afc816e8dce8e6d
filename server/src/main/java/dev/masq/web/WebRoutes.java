package dev.masq.web;

import dev.masq.http.RouteGroup;
import dev.masq.leak.LeakActions;
import io.javalin.config.RoutesConfig;

/**
 * The web pages: server-rendered, each form a POST with a CSRF token, all working without JavaScript; and the
 * confirmation pages behind the links in leak notices. {@code gate} loads the session before each page.
 */
public record WebRoutes(WebGate gate, ActionPages actions, LinkPages links, AccountPages account, PasskeyPages passkeys,
                        SignUpPages signUp, AdminPages admin, AliasPages aliases, AliasDetailPages detail,
                        InboxPages inboxes, LeakPages leaks, SecurityPages security, SettingsPages settings,
                        KeyPages keys, AppPasswordPages appPasswords, DefencePages defence) implements RouteGroup {

    @Override
    public void register(RoutesConfig routes) {
        // The links in leak notices: no key, the token is the capability; GET shows, POST acts.
        routes.exception(LeakActions.Refused.class, ActionPages::refused);
        routes.get("/actions/{token}", actions::confirm);
        routes.post("/actions/{token}", actions::act);

        routes.before(gate::load);
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

        routes.post("/login/passkey/options", passkeys::signInOptions);
        routes.post("/login/passkey", passkeys::signIn);
        routes.post("/login/second-factor/passkey/options", passkeys::secondFactorOptions);
        routes.post("/login/second-factor/passkey", passkeys::secondFactor);
        routes.post("/login/enrol/options", passkeys::enrolOptions);
        routes.post("/login/enrol", passkeys::enrol);
        routes.get("/reauth", gate.signedIn(account::reauthForm));
        routes.post("/reauth", gate.signedIn(account::reauth));
        routes.post("/logout", account::logout);

        routes.get("/signup", signUp::form);
        routes.post("/signup", signUp::request);

        routes.get("/admin", gate.admin(admin::show));
        routes.post("/admin/invites", gate.admin(admin::invite));
        routes.post("/admin/settings", gate.admin(admin::saveSettings));

        routes.get("/", gate.signedIn(aliases::dashboard));
        routes.post("/aliases", gate.signedIn(aliases::create));
        routes.get("/aliases/{id}", gate.signedIn(detail::show));
        routes.post("/aliases/{id}/contacts", gate.signedIn(detail::writeTo));
        routes.post("/aliases/{id}/contacts/{cid}/block", gate.signedIn(detail::block));
        routes.post("/aliases/{id}/contacts/{cid}/unblock", gate.signedIn(detail::unblock));
        routes.post("/aliases/{id}/identifiers", gate.signedIn(detail::saveIdentifiers));
        routes.post("/aliases/{id}/verdict-policy", gate.signedIn(detail::savePolicy));
        routes.post("/aliases/{id}/quarantine/{qid}/release", gate.signedIn(detail::release));
        routes.post("/aliases/{id}/quarantine/{qid}/delete", gate.signedIn(detail::deleteHeld));
        routes.post("/aliases/{id}/pause", gate.signedIn(aliases::pause));
        routes.post("/aliases/{id}/resume", gate.signedIn(aliases::resume));
        routes.get("/aliases/{id}/burn", gate.signedIn(aliases::burnForm));
        routes.post("/aliases/{id}/burn", gate.signedIn(aliases::burn));

        routes.post("/aliases/{id}/inboxes", gate.signedIn(inboxes::chooseForAlias));
        routes.post("/settings/inboxes", gate.signedIn(inboxes::add));
        routes.post("/settings/inboxes/{id}/remove", gate.signedIn(inboxes::remove));
        routes.post("/settings/inboxes/{id}/default", gate.recentlyAuthenticated(inboxes::makeDefault));
        // Opened from the mailed link, perhaps in another browser: no sign-in needed, the token is the proof.
        routes.get("/inboxes/verify/{token}", inboxes::verifyForm);
        routes.post("/inboxes/verify/{token}", inboxes::verify);

        routes.get("/leaks", gate.signedIn(leaks::report));
        routes.post("/leaks/breaches", gate.signedIn(defence::addBreach));
        routes.get("/vendors/{vendor}", gate.signedIn(defence::vendor));
        routes.get("/vendors/{vendor}/burn", gate.signedIn(defence::burnAllForm));
        routes.post("/vendors/{vendor}/burn", gate.signedIn(defence::burnAll));

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

        routes.get("/settings", gate.signedIn(settings::show));
        routes.post("/settings/defaults", gate.signedIn(settings::saveDefaults));
        routes.get("/settings/verdict-policy", gate.signedIn(defence::policyForm));
        routes.post("/settings/verdict-policy", gate.signedIn(defence::savePolicy));
        routes.post("/settings/notifications", gate.signedIn(settings::saveNotifications));
        routes.post("/settings/webhook", gate.signedIn(settings::saveWebhook));
        routes.post("/settings/webhook/remove", gate.signedIn(settings::removeWebhook));
        routes.get("/settings/export", gate.signedIn(settings::export));
        routes.get("/settings/export.csv", gate.signedIn(settings::exportCsv));
        routes.post("/settings/delete", gate.recentlyAuthenticated(settings::deleteAccount));

        routes.get("/keys", gate.signedIn(keys::list));
        routes.post("/keys", gate.signedIn(keys::create));
        routes.post("/keys/{id}/revoke", gate.signedIn(keys::revoke));

        routes.get("/app-passwords", gate.signedIn(appPasswords::list));
        routes.post("/app-passwords", gate.signedIn(appPasswords::create));
        routes.post("/app-passwords/{id}/revoke", gate.signedIn(appPasswords::revoke));
    }
}
