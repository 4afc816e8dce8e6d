package dev.masq.api.jmap;

import static io.javalin.apibuilder.ApiBuilder.before;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masq.account.ApiScope;
import dev.masq.account.SignInService;
import dev.masq.alias.AliasService;
import dev.masq.api.ApiAuth;
import dev.masq.config.PublicUrl;
import dev.masq.db.Database;
import dev.masq.http.Json;
import dev.masq.http.Problem;
import dev.masq.http.RateLimiter;
import dev.masq.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Fastmail's MaskedEmail over JMAP, for password managers with a Fastmail generator (Bitwarden among them): the
 * Session at {@code /.well-known/jmap} and at {@code /jmap/session} (Bitwarden asks there, as it follows no
 * redirects), the API at {@code /jmap/api/}. A masq API key is the bearer token.
 */
public final class JmapRoutes implements RouteGroup {
    private final ApiAuth auth;
    private final JmapSession sessions;
    private final JmapDispatcher dispatcher;

    public JmapRoutes(ApiAuth auth, SignInService signIn, PublicUrl publicUrl, Database db, AliasService aliases,
                      RateLimiter creations) {
        this.auth = auth;
        this.sessions = new JmapSession(signIn, publicUrl);
        this.dispatcher = new JmapDispatcher(new MaskedEmailMethods(db, aliases, creations));
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.apiBuilder(() -> {
            before("/.well-known/jmap", auth::requireBearer);
            before("/jmap/*", auth::requireBearer);
            get("/.well-known/jmap", this::session);
            get("/jmap/session", this::session);
            post("/jmap/api/", this::api);
        });
    }

    private void session(Context ctx) {
        String user = ApiAuth.userId(ctx);
        write(ctx, 200, Json.CONTENT_TYPE, sessions.of(user, ApiAuth.holds(ctx, ApiScope.ALIASES_WRITE)));
    }

    private void api(Context ctx) {
        String user = ApiAuth.userId(ctx);
        boolean writable = ApiAuth.holds(ctx, ApiScope.ALIASES_WRITE);
        var caller = new JmapDispatcher.Caller(user, ApiAuth.holds(ctx, ApiScope.ALIASES_READ), writable,
                sessions.of(user, writable).get("state").asText());
        try {
            write(ctx, 200, Json.CONTENT_TYPE, dispatcher.handle(caller, ctx.bodyAsBytes()));
        } catch (JmapRequestError.Refusal refusal) {
            write(ctx, 400, Problem.CONTENT_TYPE, Json.MAPPER.valueToTree(refusal.error));
        }
    }

    private static void write(Context ctx, int status, String type, JsonNode body) {
        // The session names the owner's inbox and the answers their aliases: never for a shared cache.
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).contentType(type).result(body.toString());
    }
}
