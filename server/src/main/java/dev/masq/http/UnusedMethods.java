package dev.masq.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Map;
import java.util.Set;

/**
 * TRACE (which echoes a request, cookies included, back to a script: cross-site tracing), TRACK and any method no
 * route takes are {@code 405} on every path. Without this, the pages' CSRF check answered them {@code 403} first.
 */
final class UnusedMethods {
    private static final Set<HandlerType> USED = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE, HandlerType.OPTIONS);
    private static final String ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

    private UnusedMethods() {
    }

    static void refuse(Context ctx) {
        if (!USED.contains(ctx.method())) {
            throw new ProblemException(Problem.of(405, "masq takes no " + ctx.req().getMethod() + " requests"), Map.of("Allow", ALLOW));
        }
    }
}
