package dev.masq.web;

import dev.masq.account.OneTimeLink;
import dev.masq.account.SignInService;
import dev.masq.account.WebSession;
import dev.masq.common.InvalidInputException;
import io.javalin.http.Context;
import dev.masq.http.Redirect;

/** The one-time links: first-run setup and invitations (which create an account and sign it in), and choosing a password. */
public record LinkPages(SignInService signIn, WebGate gate) {
    public record LinkForm(String action, String title, String intro, boolean askEmail, boolean valid, String email, String error) {
    }

    public void setupForm(Context ctx) {
        linkForm(ctx, OneTimeLink.Kind.SETUP, null, null, 200);
    }

    public void inviteForm(Context ctx) {
        linkForm(ctx, OneTimeLink.Kind.INVITE, null, null, 200);
    }

    public void passwordForm(Context ctx) {
        linkForm(ctx, OneTimeLink.Kind.PASSWORD, null, null, 200);
    }

    public void setup(Context ctx) {
        createAccount(ctx, OneTimeLink.Kind.SETUP);
    }

    public void invite(Context ctx) {
        createAccount(ctx, OneTimeLink.Kind.INVITE);
    }

    private void createAccount(Context ctx, OneTimeLink.Kind kind) {
        String email = ctx.formParam("email");
        try {
            String userId = signIn.createAccount(ctx.pathParam("token"), kind, email, ctx.formParam("password"));
            gate.startSession(ctx, userId, WebSession.Stage.FULL);
            throw new Redirect("/");
        } catch (InvalidInputException e) {
            linkForm(ctx, kind, email, e.getMessage(), 422);
        }
    }

    public void setPassword(Context ctx) {
        try {
            signIn.setPasswordByLink(ctx.pathParam("token"), ctx.formParam("password"));
            throw new Redirect("/login?password=set");
        } catch (InvalidInputException e) {
            linkForm(ctx, OneTimeLink.Kind.PASSWORD, null, e.getMessage(), 422);
        }
    }

    private void linkForm(Context ctx, OneTimeLink.Kind kind, String email, String error, int status) {
        String token = ctx.pathParam("token");
        boolean valid = signIn.linkValid(token, kind);
        LinkForm form = switch (kind) {
            case SETUP -> new LinkForm("/setup/" + token, "Set up masq",
                    "Create the first account. It administers this server.", true, valid, email, error);
            case INVITE -> new LinkForm("/invite/" + token, "Join masq",
                    "You were invited to this masq server. Choose your sign-in.", true, valid, email, error);
            default -> new LinkForm("/password/" + token, "Choose a password",
                    "Set the password of your masq account.", false, valid, email, error);
        };
        ctx.status(valid ? status : 410);
        Views.page(ctx, "link.jte", form);
    }
}
