package dev.masq.web;

import dev.masq.account.ServerSettings;
import dev.masq.account.SignInService;
import dev.masq.config.PublicUrl;
import io.javalin.http.Context;
import dev.masq.http.Redirect;

/** For administrators: invitation links, and the server-wide switches for open sign-up and phishing-resistant sign-in. */
public record AdminPages(SignInService signIn, ServerSettings settings, PublicUrl publicUrl) {
    public record AdminView(boolean openSignUp, boolean requirePhishingResistant, String inviteLink, String message) {
    }

    public void show(Context ctx) {
        render(ctx, null, ctx.queryParam("saved") != null ? "Saved." : null);
    }

    /** A new one-time invitation, shown once: only its hash is stored. */
    public void invite(Context ctx) {
        String token = signIn.inviteToken(WebGate.userId(ctx));
        render(ctx, publicUrl.get() + "/invite/" + token, "New invitation link. It works once, for seven days; send it to one person.");
    }

    public void saveSettings(Context ctx) {
        settings.setOpenSignUp(ctx.formParam("open_sign_up") != null);
        settings.setRequirePhishingResistant(ctx.formParam("require_phishing_resistant") != null);
        throw new Redirect("/admin?saved=1");
    }

    private void render(Context ctx, String inviteLink, String message) {
        Views.page(ctx, "admin.jte", new AdminView(settings.openSignUp(), settings.requirePhishingResistant(), inviteLink, message));
    }
}
