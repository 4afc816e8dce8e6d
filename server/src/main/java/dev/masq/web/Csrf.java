package dev.masq.web;

import dev.masq.crypto.Secrets;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import dev.masq.http.Problem;
import dev.masq.http.ProblemException;

/**
 * CSRF tokens of the web pages: an HMAC of what names the browser (its session token, or its pre-login
 * cookie), so nothing is stored, and every state-changing request must carry it in a form field or,
 * from htmx, a header.
 */
final class Csrf {
    static final String FIELD = "_csrf";
    static final String HEADER = "X-CSRF-Token";

    private Csrf() {
    }

    static String token(Secrets secrets, String binding) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secrets.sign("csrf:" + binding));
    }

    /** Refuses with 403 a request that changes state without {@code expected}. */
    static void check(Context ctx, String expected) {
        if (!changesState(ctx.method())) {
            return;
        }
        String sent = ctx.header(HEADER);
        if (sent == null) {
            sent = ctx.formParam(FIELD);
        }
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(Problem.of(403, "the form is out of date or was not sent by this site; reload the page and try again"),
                    Map.of());
        }
    }

    private static boolean changesState(HandlerType method) {
        return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
    }
}
