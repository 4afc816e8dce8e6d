package dev.masq.web;

import dev.masq.account.Profile;
import dev.masq.account.SessionService;
import dev.masq.account.SignInService;
import dev.masq.account.WebSession;
import dev.masq.crypto.Secrets;
import dev.masq.crypto.Tokens;
import dev.masq.http.ProblemPage;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import dev.masq.http.Problem;
import dev.masq.http.ProblemException;
import dev.masq.http.Redirect;

/**
 * The door of the web pages: resolves the session cookie, checks the CSRF token of every state-changing request,
 * and turns away those who are not (fully) signed in. The API beside it authenticates with keys, not cookies.
 */
public final class WebGate {
    private static final String SESSION = "masq.session";
    private static final String TOKEN = "masq.session_token";
    private static final String CSRF = "masq.csrf";
    private static final ProblemPage ERROR_PAGE = (ctx, problem) -> Views.page(ctx, "error.jte", problem);
    private static final String PROFILE = "masq.profile";
    private static final String BINDING = "masq.binding";

    private final SessionService sessions;
    private final SignInService signIn;
    private final Secrets secrets;
    private final Cookies cookies;

    public WebGate(SessionService sessions, SignInService signIn, Secrets secrets, boolean secure) {
        this.sessions = sessions;
        this.signIn = signIn;
        this.secrets = secrets;
        this.cookies = new Cookies(secure);
    }

    static boolean isPage(String path) {
        // Leak-notice actions carry their own signed single-use token, which no other site can know: that
        // token is their CSRF protection, and the person following the link from their inbox has no session.
        // JMAP, like the API, is called with a bearer key and never with the session cookie.
        return !(path.startsWith("/api/") || path.startsWith("/static/") || path.startsWith("/webjars/")
                || path.startsWith("/actions/") || path.equals("/healthz") || path.startsWith("/jmap/")
                || path.equals("/.well-known/jmap"));
    }

    /** Before-handler of every page request. */
    public void load(Context ctx) {
        if (!isPage(ctx.path())) {
            return;
        }
        String token = ctx.cookie(cookies.session());
        sessions.resolve(token).ifPresent(s -> {
            ctx.attribute(SESSION, s);
            ctx.attribute(TOKEN, token);
        });
        String binding = ctx.attribute(SESSION) != null ? token : anonymousBinding(ctx);
        ctx.attribute(BINDING, binding);
        String csrf = Csrf.token(secrets, binding);
        ctx.attribute(CSRF, csrf);
        ctx.attribute(ProblemPage.ATTRIBUTE, ERROR_PAGE);
        Csrf.check(ctx, csrf);
    }

    /** Visitors who are not signed in still get a CSRF token (login forms need one), bound to a random cookie of theirs. */
    private String anonymousBinding(Context ctx) {
        String pre = ctx.cookie(cookies.anonymous());
        if (pre == null || pre.length() < 20 || pre.length() > 64) {
            pre = Tokens.randomBase32(32);
            cookies.set(ctx, cookies.anonymous(), pre, -1);
        }
        return "pre:" + pre;
    }

    /** Signs the browser in with a new session token (the previous session, if any, is ended). */
    public void startSession(Context ctx, String userId, WebSession.Stage stage) {
        WebSession old = ctx.attribute(SESSION);
        if (old != null) {
            sessions.end(old.id());
        }
        SessionService.Started started = sessions.start(userId, stage, ctx.userAgent());
        cookies.set(ctx, cookies.session(), started.token(), -1);
    }

    public void endSession(Context ctx) {
        WebSession s = ctx.attribute(SESSION);
        if (s != null) {
            sessions.end(s.id());
        }
        cookies.set(ctx, cookies.session(), "", 0);
    }

    /** Wraps a handler of a page for signed-in people only; others are sent to sign in. */
    public Handler signedIn(Handler handler) {
        return ctx -> {
            WebSession s = ctx.attribute(SESSION);
            if (s == null) {
                throw new Redirect("/login");
            }
            switch (s.stage()) {
                case SECOND_FACTOR -> throw new Redirect("/login/second-factor");
                case ENROL -> throw new Redirect("/login/enrol");
                case FULL -> {
                    profile(ctx);
                    handler.handle(ctx);
                }
            }
        };
    }

    /** As {@link #signedIn}, for administrators only; others are told the page is not for them. */
    public Handler admin(Handler handler) {
        return signedIn(ctx -> {
            if (!profile(ctx).admin()) {
                throw new ProblemException(Problem.of(403, "this page is for administrators"), java.util.Map.of());
            }
            handler.handle(ctx);
        });
    }

    /** As {@link #signedIn}, for changes that need the password again when it was not entered in the last minutes. */
    public Handler recentlyAuthenticated(Handler handler) {
        return signedIn(ctx -> {
            if (!sessions.recentlyReauthenticated(session(ctx))) {
                throw new Redirect("/reauth?next=" + java.net.URLEncoder.encode(returnPath(ctx), StandardCharsets.UTF_8));
            }
            handler.handle(ctx);
        });
    }

    /** After re-entering the password, a GET goes back where it was, a POST back to the page it came from. */
    private static String returnPath(Context ctx) {
        if (ctx.method() == HandlerType.GET) {
            return ctx.path();
        }
        return LocalPath.orElse(ctx.formParam("back"), "/security");
    }

    public static WebSession session(Context ctx) {
        return ctx.attribute(SESSION);
    }

    public static String userId(Context ctx) {
        return session(ctx).userId();
    }

    /** A secret naming this browser (its session, or before sign-in its pre-login cookie), to bind challenges to. */
    public static String binding(Context ctx) {
        return ctx.attribute(BINDING);
    }

    /** The half-signed-in session of this browser at {@code stage}, or off to the start. */
    static WebSession pending(Context ctx, WebSession.Stage stage) {
        WebSession s = session(ctx);
        if (s == null) {
            throw new Redirect("/login");
        }
        if (s.stage() != stage) {
            throw new Redirect(s.stage() == WebSession.Stage.FULL ? "/" : "/login");
        }
        return s;
    }

    public static String csrf(Context ctx) {
        return ctx.attribute(CSRF);
    }

    /** The signed-in person's profile, read once per request. */
    public Profile profile(Context ctx) {
        Profile p = ctx.attribute(PROFILE);
        if (p == null && session(ctx) != null && session(ctx).stage() == WebSession.Stage.FULL) {
            p = signIn.profile(session(ctx).userId());
            ctx.attribute(PROFILE, p);
        }
        return p;
    }

    static PageInfo page(Context ctx) {
        return new PageInfo(csrf(ctx), ctx.attribute(PROFILE), ctx.path());
    }
}
