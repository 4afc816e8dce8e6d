package dev.masq.web;

import dev.masq.account.SignUpService;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;

/**
 * Open sign-up, when an administrator turned it on: an email address in, a link to choose a password out (by mail).
 * Every accepted request gets the same page at once, whether a mail goes out, the address already has an account,
 * or it was mailed within the hour: the work (and its time) happens after the answer.
 */
public record SignUpPages(SignUpService signUp, SignUpThrottle throttle) {
    public record SignUpView(boolean open, boolean sent, String email, String error) {
    }

    public void form(Context ctx) {
        render(ctx, false, null, null);
    }

    public void request(Context ctx) {
        String email = ctx.formParam("email");
        if (signUp.open()) {
            Optional<Duration> wait = throttle.request(ctx.ip());
            if (wait.isPresent()) {
                long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
                ctx.header("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
                ctx.status(429);
                Views.page(ctx, "signup.jte", new SignUpView(true, false, email,
                        "Too many sign-ups from your network. Try again in " + minutes + " min."));
                return;
            }
            String inbox = signUp.validate(email);
            if (throttle.mayMail(inbox)) {
                signUp.requestLater(inbox);
            }
        }
        render(ctx, true, email, null);
    }

    private void render(Context ctx, boolean sent, String email, String error) {
        boolean open = signUp.open();
        ctx.status(open ? 200 : 403);
        Views.page(ctx, "signup.jte", new SignUpView(open, sent && open, email, error));
    }
}
