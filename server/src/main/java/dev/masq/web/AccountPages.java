package dev.masq.web;

import dev.masq.account.LoginThrottle;
import dev.masq.account.SessionService;
import dev.masq.account.SignInService;
import dev.masq.account.WebSession;
import io.javalin.http.Context;
import dev.masq.crypto.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import dev.masq.http.Redirect;

/** Sign-in with password and second factor; re-authentication; sign-out. The one-time links are {@link LinkPages}. */
public final class AccountPages {
    private static final String WRONG = "Wrong email or password.";
    /** Failed sign-ins and second factors: 10 per account, 50 per client address, in a quarter of an hour. */
    private static final LoginThrottle.Policy SIGN_IN = new LoginThrottle.Policy(10, 50, Duration.ofMinutes(15));

    private final SignInService signIn;
    private final SessionService sessions;
    private final WebGate gate;
    private final LoginThrottle throttle;

    public AccountPages(SignInService signIn, SessionService sessions, WebGate gate, LoginThrottle throttle) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.gate = gate;
        this.throttle = throttle;
    }

    /** A keyed hash of the account name, so the throttle's memory holds no email addresses. */
    public static LoginThrottle signInThrottle(Secrets secrets, Clock clock) {
        return new LoginThrottle(SIGN_IN, account -> HexFormat.of().formatHex(secrets.lookupHash(account)), clock);
    }

    public record LoginForm(String email, String error) {
    }

    public record SecondFactorForm(boolean totp, boolean passkey, boolean recovery, boolean passkeyRequired, String error) {
    }

    // --- password sign-in ---

    public void loginForm(Context ctx) {
        if (WebGate.session(ctx) != null && WebGate.session(ctx).stage() == WebSession.Stage.FULL) {
            throw new Redirect("/");
        }
        Views.page(ctx, "login.jte", new LoginForm(null, null));
    }

    public void login(Context ctx) {
        String email = ctx.formParam("email");
        String account = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        Optional<Duration> wait = throttle.lockedFor(ctx.ip(), account);
        if (wait.isPresent()) {
            tooMany(ctx, wait.get());
            Views.page(ctx, "login.jte", new LoginForm(email, "Too many attempts. Try again in " + minutes(wait.get()) + "."));
            return;
        }
        Optional<String> user = signIn.checkPassword(email, ctx.formParam("password"));
        if (user.isEmpty()) {
            throttle.failed(ctx.ip(), account);
            ctx.status(401);
            Views.page(ctx, "login.jte", new LoginForm(email, WRONG));
            return;
        }
        WebSession.Stage stage = signIn.stageAfterPassword(user.get());
        gate.startSession(ctx, user.get(), stage);
        throw new Redirect(switch (stage) {
            case FULL -> "/";
            case SECOND_FACTOR -> "/login/second-factor";
            case ENROL -> "/login/enrol";
        });
    }

    // --- second factor ---

    public void secondFactorForm(Context ctx) {
        WebGate.pending(ctx, WebSession.Stage.SECOND_FACTOR);
        secondFactorPage(ctx, null);
    }

    public void totp(Context ctx) {
        WebSession s = WebGate.pending(ctx, WebSession.Stage.SECOND_FACTOR);
        if (refusedForPasskeys(ctx, s)) {
            return;
        }
        if (throttled(ctx, s) || !signIn.verifyTotp(s.userId(), ctx.formParam("code"))) {
            if (ctx.status().getCode() != 429) {
                throttle.failed(ctx.ip(), secondFactor(s));
                ctx.status(401);
            }
            secondFactorPage(ctx, "That code did not work. Codes change every 30 seconds and work once.");
            return;
        }
        sessions.promote(s.id(), WebSession.Stage.FULL);
        throw new Redirect("/");
    }

    public void recovery(Context ctx) {
        WebSession s = WebGate.pending(ctx, WebSession.Stage.SECOND_FACTOR);
        if (refusedForPasskeys(ctx, s)) {
            return;
        }
        if (throttled(ctx, s) || !signIn.useRecoveryCode(s.userId(), ctx.formParam("code"))) {
            if (ctx.status().getCode() != 429) {
                throttle.failed(ctx.ip(), secondFactor(s));
                ctx.status(401);
            }
            secondFactorPage(ctx, "That recovery code did not work.");
            return;
        }
        sessions.promote(s.id(), WebSession.Stage.FULL);
        throw new Redirect("/security?recovered=1");
    }

    /** While the server requires passkeys, a code is refused outright: saying so beats a puzzling "did not work". */
    private boolean refusedForPasskeys(Context ctx, WebSession s) {
        if (!signIn.factors(s.userId()).passkeyRequired()) {
            return false;
        }
        ctx.status(403);
        secondFactorPage(ctx, "This server requires a passkey to sign in; codes are not accepted.");
        return true;
    }

    private void secondFactorPage(Context ctx, String error) {
        WebSession s = WebGate.session(ctx);
        SignInService.Factors f = signIn.factors(s.userId());
        Views.page(ctx, "second-factor.jte", new SecondFactorForm(f.totp(), f.passkey(), f.recovery(), f.passkeyRequired(), error));
    }

    private boolean throttled(Context ctx, WebSession s) {
        Optional<Duration> wait = throttle.lockedFor(ctx.ip(), secondFactor(s));
        wait.ifPresent(w -> tooMany(ctx, w));
        return wait.isPresent();
    }

    public void enrolForm(Context ctx) {
        WebGate.pending(ctx, WebSession.Stage.ENROL);
        Views.page(ctx, "enrol.jte");
    }

    // --- re-authentication and sign-out ---

    public void reauthForm(Context ctx) {
        Views.page(ctx, "reauth.jte", new LoginForm(null, null));
    }

    public void reauth(Context ctx) {
        WebSession s = WebGate.session(ctx);
        if (throttled(ctx, s) || !signIn.checkPasswordOf(s.userId(), ctx.formParam("password"))) {
            if (ctx.status().getCode() != 429) {
                throttle.failed(ctx.ip(), secondFactor(s));
                ctx.status(401);
            }
            Views.page(ctx, "reauth.jte", new LoginForm(null, "That is not your password."));
            return;
        }
        sessions.reauthenticated(s.id());
        String next = ctx.queryParam("next");
        throw new Redirect(LocalPath.orElse(next, "/security"));
    }

    public void logout(Context ctx) {
        gate.endSession(ctx);
        throw new Redirect("/login");
    }

    private static String secondFactor(WebSession s) {
        return "second-factor:" + s.userId();
    }

    private static void tooMany(Context ctx, Duration wait) {
        ctx.status(429).header("Retry-After", Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000)));
    }

    private static String minutes(Duration wait) {
        long m = Math.max(1, (wait.toSeconds() + 59) / 60);
        return m == 1 ? "a minute" : m + " minutes";
    }
}
