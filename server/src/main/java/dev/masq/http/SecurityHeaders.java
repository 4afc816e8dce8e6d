package dev.masq.http;

import io.javalin.http.Context;
import java.util.function.BiConsumer;

/** Headers that make every response safe to open in a browser, set before any handler runs so errors carry them too. */
final class SecurityHeaders {
    // A year, as browsers' preload lists expect. Without includeSubDomains: masq may be served at an operator's apex
    // domain, and it cannot know that every other host under it speaks https; an operator who knows can add it at the proxy.
    static final String HSTS = "max-age=31536000";

    private final boolean https;

    /** {@code https}: people reach masq over https ({@code MASQ_BASE_URL}), so browsers are told never to try plain http. */
    SecurityHeaders(boolean https) {
        this.https = https;
    }

    void apply(Context ctx) {
        apply(ctx.path(), ctx::header);
    }

    /** The headers for an answer on {@code path}, for Javalin's answers and for the few Jetty writes itself. */
    void apply(String path, BiConsumer<String, String> header) {
        header.accept("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("X-Frame-Options", "DENY");
        header.accept("Referrer-Policy", "no-referrer");
        if (https) {
            header.accept("Strict-Transport-Security", HSTS);
        }
        if (path != null && path.startsWith("/api/")) {
            // API answers carry personal data (addresses, senders): never keep them in a shared cache.
            header.accept("Cache-Control", "no-store");
        }
    }
}
