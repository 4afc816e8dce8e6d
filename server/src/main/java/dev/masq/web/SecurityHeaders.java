package dev.masq.web;

import io.javalin.http.Context;

/** Headers that make every response safe to open in a browser, set before any handler runs so errors carry them too. */
final class SecurityHeaders {
    private SecurityHeaders() {
    }

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        if (ctx.path().startsWith("/api/")) {
            // API answers carry personal data (addresses, senders): never keep them in a shared cache.
            ctx.header("Cache-Control", "no-store");
        }
    }
}
