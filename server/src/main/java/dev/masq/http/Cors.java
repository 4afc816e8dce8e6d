package dev.masq.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Set;

/**
 * CORS for the API, for web clients such as Bitwarden's web vault: pages of the configured origins may call
 * {@code /api/...} and JMAP with a key in a header. Never the web pages (their cookies must stay their own), never with
 * credentials, and nothing at all when no origin is configured.
 */
public final class Cors implements RouteGroup {
    /** The headers the API's clients send: masq's and addy.io's key, SimpleLogin's, and addy.io's markers. */
    private static final String ALLOWED_HEADERS = "Authorization, Authentication, Content-Type, Accept, X-Requested-With, X-Requested-From";
    private static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE";
    /** What a script may read of an answer beyond the basics: where a new alias is, and how long to wait. */
    private static final String EXPOSED_HEADERS = "Location, Retry-After, WWW-Authenticate";

    private final Set<String> origins;

    public Cors(Set<String> origins) {
        this.origins = Set.copyOf(origins);
    }

    @Override
    public void register(RoutesConfig routes) {
        if (!origins.isEmpty()) {
            // JMAP too: Bitwarden's web vault asks /jmap/session and /jmap/api/ from the browser.
            for (String path : new String[] {"/api/*", "/jmap/*", "/.well-known/jmap"}) {
                routes.before(path, this::apply);
            }
        }
    }

    private void apply(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || !origins.contains(origin)) {
            return;
        }
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Vary", "Origin");
        if (ctx.method() == HandlerType.OPTIONS && ctx.header("Access-Control-Request-Method") != null) {
            // The preflight is answered here: it is a question about the route, not a call of it.
            ctx.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
            ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            ctx.header("Access-Control-Max-Age", "600");
            ctx.status(204);
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    }
}
