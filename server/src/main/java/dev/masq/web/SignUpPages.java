package dev.masq.web;

import dev.masq.account.SignUpService;
import io.javalin.http.Context;

/** Open sign-up, when an administrator turned it on: an email address in, a link to choose a password out (by mail). */
public final class SignUpPages {
    private final SignUpService signUp;

    SignUpPages(SignUpService signUp) {
        this.signUp = signUp;
    }

    public record SignUpView(boolean open, boolean sent, String email) {
    }

    public void form(Context ctx) {
        render(ctx, false, null);
    }

    public void request(Context ctx) {
        if (signUp.open()) {
            signUp.request(ctx.formParam("email"));
        }
        render(ctx, true, ctx.formParam("email"));
    }

    private void render(Context ctx, boolean sent, String email) {
        boolean open = signUp.open();
        ctx.status(open ? 200 : 403);
        Views.page(ctx, "signup.jte", new SignUpView(open, sent && open, email));
    }
}
