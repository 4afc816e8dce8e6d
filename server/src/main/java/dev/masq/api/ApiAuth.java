package dev.masq.api;

import dev.masq.account.ApiKeyRepository;
import dev.masq.account.ApiKeyService;
import dev.masq.account.ApiScope;
import dev.masq.http.Problem;
import dev.masq.http.ProblemException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;
import java.util.Set;
import io.javalin.http.Header;

/** Resolves the API key of a request to its owner; the handlers behind it only ever see a user id. */
public final class ApiAuth {
    private static final String USER_ID = "masq.user_id";
    private static final String SCOPES = "masq.scopes";
    private static final String BEARER = "Bearer";

    private final ApiKeyService keys;

    public ApiAuth(ApiKeyService keys) {
        this.keys = keys;
    }

    /** Before-handler of {@code /api/v1}: {@code Authorization: Bearer <key>}. */
    public void requireBearer(Context ctx) {
        String header = ctx.header(Header.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw ProblemException.unauthorized("send an API key as 'Authorization: Bearer <key>'", BEARER + " realm=\"masq\"");
        }
        boolean bearer = header.regionMatches(true, 0, BEARER + " ", 0, BEARER.length() + 1);
        authenticate(ctx, bearer ? header.substring(BEARER.length() + 1) : null);
    }

    /** SimpleLogin's clients send the bare key in an {@code Authentication} header. */
    public void requireSimpleLoginKey(Context ctx) {
        authenticate(ctx, ctx.header("Authentication"));
    }

    public static String userId(Context ctx) {
        return ctx.attribute(USER_ID);
    }

    /** The scopes of the key the request came with. */
    public static Set<ApiScope> scopes(Context ctx) {
        return ctx.attribute(SCOPES);
    }

    /** An endpoint of SimpleLogin's dialect: the key from {@code Authentication}, then {@code scope} as in {@link #scoped}. */
    public Handler simpleLogin(ApiScope scope, Handler handler) {
        Handler inner = scoped(scope, handler);
        return ctx -> {
            requireSimpleLoginKey(ctx);
            inner.handle(ctx);
        };
    }

    /** For dialects that answer a missing scope in their own words rather than with a 403 (JMAP's per-call errors). */
    public static boolean holds(Context ctx, ApiScope scope) {
        Set<ApiScope> held = scopes(ctx);
        return held != null && held.contains(scope);
    }

    /** Wraps an endpoint so that only keys holding {@code scope} reach it; others get 403 naming the scope. */
    public Handler scoped(ApiScope scope, Handler handler) {
        return ctx -> {
            Set<ApiScope> held = ctx.attribute(SCOPES);
            if (held == null || !held.contains(scope)) {
                throw new ProblemException(Problem.of(403, "this API key lacks the scope '" + scope.wire() + "'"),
                        Map.of("WWW-Authenticate", BEARER + " realm=\"masq\", error=\"insufficient_scope\", scope=\"" + scope.wire() + "\""));
            }
            handler.handle(ctx);
        };
    }

    private void authenticate(Context ctx, String key) {
        ApiKeyRepository.ApiKeyOwner owner = keys.authenticate(key).orElseThrow(() -> ProblemException.unauthorized(
                "the API key is unknown or revoked", BEARER + " realm=\"masq\", error=\"invalid_token\""));
        ctx.attribute(USER_ID, owner.userId());
        ctx.attribute(SCOPES, owner.scopes());
    }
}
