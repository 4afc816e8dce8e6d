package dev.masq.web;

import io.javalin.http.Context;

/** The cookies of the web pages: always HttpOnly and SameSite=Lax; Secure, with the {@code __Host-} prefix, behind HTTPS. */
final class Cookies {
    private final boolean secure;

    Cookies(boolean secure) {
        this.secure = secure;
    }

    /** Browsers accept the {@code __Host-} prefix only on a Secure cookie, and that only over HTTPS. */
    String session() {
        return secure ? "__Host-masq" : "masq";
    }

    /** A random name for a browser before sign-in, which its CSRF token is bound to. */
    String anonymous() {
        return secure ? "__Host-masq-pre" : "masq-pre";
    }

    /** {@code maxAge} -1: until the browser closes; 0: delete it now. */
    void set(Context ctx, String name, String value, int maxAge) {
        StringBuilder c = new StringBuilder(name).append('=').append(value).append("; Path=/; HttpOnly; SameSite=Lax");
        if (secure) {
            c.append("; Secure");
        }
        if (maxAge >= 0) {
            c.append("; Max-Age=").append(maxAge);
        }
        ctx.res().addHeader("Set-Cookie", c.toString());
    }
}
